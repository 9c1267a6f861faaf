package dev.herald.spring;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds the {@link ChannelAuthorization} methods of every bean as it is initialized, checking each
 * one's signature (a mistake fails the start).
 */
final class ChannelRuleCollector implements BeanPostProcessor {
  private final List<AnnotatedChannelRule> rules = new CopyOnWriteArrayList<>();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    Class<?> type = AopUtils.getTargetClass(bean);
    Map<Method, ChannelAuthorization> found =
        MethodIntrospector.selectMethods(
            type,
            (MethodIntrospector.MetadataLookup<ChannelAuthorization>)
                method ->
                    AnnotatedElementUtils.findMergedAnnotation(method, ChannelAuthorization.class));
    found.forEach(
        (method, annotation) ->
            rules.add(
                AnnotatedChannelRule.of(
                    bean,
                    AopUtils.selectInvocableMethod(method, bean.getClass()),
                    annotation.value())));
    return bean;
  }

  /** The rules found so far, in the order their beans were initialized. */
  List<AnnotatedChannelRule> rules() {
    return List.copyOf(rules);
  }
}
