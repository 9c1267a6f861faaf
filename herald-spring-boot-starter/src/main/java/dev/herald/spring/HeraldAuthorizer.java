package dev.herald.spring;

import dev.herald.AuthResponse;
import dev.herald.ChannelAuthorizer;
import dev.herald.ChannelAuthorizerBuilder;
import dev.herald.EncryptionMasterKey;
import dev.herald.UserData;
import java.security.Principal;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.convert.ConversionService;

/**
 * The app's {@link ChannelAuthorizer}, built from the {@link HeraldChannels} beans and the {@link
 * ChannelAuthorization} methods once every bean exists, signing with {@code herald.app-key} and
 * {@code herald.app-secret} (the development app's when nothing is configured). The endpoints
 * {@code /broadcasting/auth} and {@code /broadcasting/user-auth} call it; so may the app's own.
 * Thread-safe.
 */
public final class HeraldAuthorizer implements SmartInitializingSingleton {
  private final DriverProperties properties;
  private final List<HeraldChannels> channels;
  private final ChannelRuleCollector annotated;
  private final HeraldSignin signin;
  private final ConversionService conversion;
  private volatile ChannelAuthorizer<Principal> authorizer;

  HeraldAuthorizer(
      DriverProperties properties,
      List<HeraldChannels> channels,
      ChannelRuleCollector annotated,
      HeraldSignin signin,
      ConversionService conversion) {
    this.properties = properties;
    this.channels = List.copyOf(channels);
    this.annotated = annotated;
    this.signin = signin;
    this.conversion = conversion;
  }

  /** Builds the authorizer at the end of the start, so a bad pattern fails it. */
  @Override
  public void afterSingletonsInstantiated() {
    if (properties.credentials() != null) {
      authorizer();
    }
  }

  /**
   * Authorizes {@code user} for {@code channelName} on {@code socketId}; see {@link
   * ChannelAuthorizer#authorize}.
   *
   * @throws IllegalArgumentException for a malformed request (answer 400)
   * @throws dev.herald.AuthorizationDeniedException when refused (answer 403)
   * @throws IllegalStateException when the app key or secret is not configured
   */
  public AuthResponse authorize(Principal user, String socketId, String channelName) {
    return authorizer().authorize(user, socketId, channelName);
  }

  /**
   * Signs the sign-in of {@code user} on {@code socketId} with the {@link HeraldSignin} bean's user
   * data; see {@link ChannelAuthorizer#signin}.
   *
   * @throws IllegalArgumentException for a malformed socket id (answer 400)
   * @throws IllegalStateException when the app key or secret is not configured
   */
  public AuthResponse signin(Principal user, String socketId) {
    ChannelAuthorizer<Principal> built = authorizer();
    UserData data = signin.userData(user);
    return built.signin(user, socketId, data);
  }

  /** The authorizer, built on first use. */
  public ChannelAuthorizer<Principal> authorizer() {
    ChannelAuthorizer<Principal> built = authorizer;
    if (built == null) {
      synchronized (this) {
        built = authorizer;
        if (built == null) {
          built = build();
          authorizer = built;
        }
      }
    }
    return built;
  }

  private ChannelAuthorizer<Principal> build() {
    DriverProperties.Credentials credentials = properties.credentials();
    if (credentials == null) {
      throw new IllegalStateException(
          "channel authorization needs herald.app-key and herald.app-secret");
    }
    ChannelAuthorizerBuilder<Principal> builder =
        ChannelAuthorizer.builder(credentials.key(), credentials.secret());
    if (properties.getEncryptionMasterKey() != null) {
      try {
        builder.encryptionMasterKey(
            EncryptionMasterKey.fromBase64(properties.getEncryptionMasterKey()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("herald.encryption-master-key: " + e.getMessage());
      }
    }
    channels.forEach(rules -> rules.register(builder));
    annotated.rules().forEach(rule -> rule.register(builder, conversion));
    return builder.build();
  }
}
