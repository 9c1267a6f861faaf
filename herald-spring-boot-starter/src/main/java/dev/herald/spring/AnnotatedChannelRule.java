package dev.herald.spring;

import dev.herald.ChannelAuthorizerBuilder;
import dev.herald.PresenceMember;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * One {@link ChannelAuthorization} method, checked when found (so a wrong signature fails the
 * start) and registered with the authorizer as a channel or presence rule by its return type.
 */
final class AnnotatedChannelRule {
  /** A pattern's {@code {param}}; the pattern itself is validated by the authorizer. */
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
  private static final boolean SECURITY =
      ClassUtils.isPresent(
          "org.springframework.security.core.Authentication",
          AnnotatedChannelRule.class.getClassLoader());

  private enum Kind {
    PRIVATE,
    PRESENCE
  }

  private final Object bean;
  private final Method method;
  private final String pattern;
  private final Kind kind;
  private final Argument[] arguments;

  /** How one parameter is filled: the user, or a channel param converted to its type. */
  private record Argument(String param, TypeDescriptor type, Class<?> userType) {}

  private AnnotatedChannelRule(
      Object bean, Method method, String pattern, Kind kind, Argument[] arguments) {
    this.bean = bean;
    this.method = method;
    this.pattern = pattern;
    this.kind = kind;
    this.arguments = arguments;
  }

  /**
   * Checks {@code method} of {@code bean}.
   *
   * @throws IllegalStateException naming the method and what is wrong with it
   */
  static AnnotatedChannelRule of(Object bean, Method method, String pattern) {
    String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    Set<String> params = new HashSet<>();
    Matcher matcher = PARAM.matcher(pattern);
    while (matcher.find()) {
      params.add(matcher.group(1));
    }
    Argument[] arguments = new Argument[method.getParameterCount()];
    boolean user = false;
    for (int i = 0; i < arguments.length; i++) {
      MethodParameter parameter = new MethodParameter(method, i);
      parameter.initParameterNameDiscovery(NAMES);
      ChannelParam channelParam = parameter.getParameterAnnotation(ChannelParam.class);
      if (channelParam != null) {
        String name =
            channelParam.value().isEmpty() ? parameter.getParameterName() : channelParam.value();
        if (name == null) {
          throw new IllegalStateException(
              where
                  + ": name the @ChannelParam (@ChannelParam(\"orderId\")) or compile with"
                  + " -parameters");
        }
        if (!params.contains(name)) {
          throw new IllegalStateException(
              where + ": @ChannelParam '" + name + "' is not a {param} of '" + pattern + "'");
        }
        arguments[i] = new Argument(name, new TypeDescriptor(parameter), null);
      } else if (user) {
        throw new IllegalStateException(
            where
                + ": only one parameter may take the user; mark the channel's params with"
                + " @ChannelParam");
      } else {
        user = true;
        arguments[i] =
            new Argument(
                null, null, ClassUtils.resolvePrimitiveIfNecessary(parameter.getParameterType()));
      }
    }
    ReflectionUtils.makeAccessible(method);
    return new AnnotatedChannelRule(bean, method, pattern, kind(method, where), arguments);
  }

  private static Kind kind(Method method, String where) {
    Class<?> type = method.getReturnType();
    if (type == boolean.class || type == Boolean.class) {
      return Kind.PRIVATE;
    }
    if (type == PresenceMember.class || Map.class.isAssignableFrom(type)) {
      return Kind.PRESENCE;
    }
    if (type == Optional.class
        && ResolvableType.forMethodReturnType(method).getGeneric(0).resolve()
            == PresenceMember.class) {
      return Kind.PRESENCE;
    }
    throw new IllegalStateException(
        where
            + " returns "
            + method.getGenericReturnType().getTypeName()
            + ": a @ChannelAuthorization method returns boolean (private channels),"
            + " or PresenceMember, Optional<PresenceMember> or a Map of user info (presence"
            + " channels)");
  }

  /** Adds this rule to {@code channels}. */
  void register(ChannelAuthorizerBuilder<Principal> channels, ConversionService conversion) {
    if (kind == Kind.PRIVATE) {
      channels.channel(
          pattern,
          (user, params) -> {
            Object[] args = arguments(user, params, conversion);
            return args != null && Boolean.TRUE.equals(invoke(args));
          });
    } else {
      channels.presence(
          pattern,
          (user, params) -> {
            Object[] args = arguments(user, params, conversion);
            return args == null ? Optional.empty() : member(invoke(args), user);
          });
    }
  }

  /** The arguments, or null when a channel param does not convert to its type (denied). */
  private Object[] arguments(
      Principal user, Map<String, String> params, ConversionService conversion) {
    Object[] args = new Object[arguments.length];
    for (int i = 0; i < args.length; i++) {
      Argument argument = arguments[i];
      if (argument.param() != null) {
        try {
          args[i] =
              conversion.convert(
                  params.get(argument.param()),
                  TypeDescriptor.valueOf(String.class),
                  argument.type());
        } catch (ConversionException e) {
          return null;
        }
        if (args[i] == null && argument.type().isPrimitive()) {
          return null;
        }
      } else {
        args[i] = user(user, argument.userType());
      }
    }
    return args;
  }

  private Object user(Principal user, Class<?> type) {
    if (user == null || type.isInstance(user)) {
      return user;
    }
    if (SECURITY
        && user instanceof org.springframework.security.core.Authentication authentication
        && type.isInstance(authentication.getPrincipal())) {
      return authentication.getPrincipal();
    }
    throw new IllegalStateException(
        method.getDeclaringClass().getSimpleName()
            + "."
            + method.getName()
            + " takes a "
            + type.getName()
            + " as its user, but the request's principal is a "
            + user.getClass().getName());
  }

  private Object invoke(Object[] args) {
    try {
      return method.invoke(bean, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<PresenceMember> member(Object result, Principal user) {
    if (result instanceof PresenceMember member) {
      return Optional.of(member);
    }
    if (result instanceof Optional<?> optional) {
      return optional.map(PresenceMember.class::cast);
    }
    if (result instanceof Map<?, ?> info) {
      return Optional.of(PresenceMember.of(user.getName(), info));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "@ChannelAuthorization(\"" + pattern + "\") " + method;
  }
}
