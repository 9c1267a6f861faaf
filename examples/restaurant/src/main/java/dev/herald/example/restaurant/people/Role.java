package dev.herald.example.restaurant.people;

/** What a demo user does; decides the page they land on and the channels they may join. */
public enum Role {
  CUSTOMER("/customer.html"),
  KITCHEN("/kitchen.html"),
  DRIVER("/driver.html"),
  ADMIN("/");

  private final String homePage;

  Role(String homePage) {
    this.homePage = homePage;
  }

  /** The page a user of this role lands on after signing in. */
  public String homePage() {
    return homePage;
  }
}
