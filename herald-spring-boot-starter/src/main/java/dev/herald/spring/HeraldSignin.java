package dev.herald.spring;

import dev.herald.UserData;
import java.security.Principal;

/**
 * What a signed-in user is to Herald (pusher-js's {@code userAuthentication}, {@code
 * /broadcasting/user-auth}): by default {@code UserData.of(principal.getName())}; declare a bean of
 * this type for user info or a watchlist.
 */
@FunctionalInterface
public interface HeraldSignin {
  /** The user data to sign for {@code principal}, who is signed in to the app. */
  UserData userData(Principal principal);
}
