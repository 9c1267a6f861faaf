package dev.herald.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter of a {@link ChannelAuthorization} method that receives a {@code {param}} of the
 * channel's name, converted to the parameter's type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ChannelParam {
  /**
   * The param's name in the pattern; by default the parameter's own name (which needs the {@code
   * -parameters} compiler flag, as Spring Boot's Maven and Gradle plugins set).
   */
  String value() default "";
}
