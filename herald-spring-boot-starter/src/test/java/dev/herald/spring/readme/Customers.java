package dev.herald.spring.readme;

import org.springframework.stereotype.Component;

/** Who owns which order: in the README, a stand-in for the app's own data. */
@Component
public class Customers {
  public boolean owns(String user, long orderId) {
    return user.equals("customer-" + orderId);
  }
}
