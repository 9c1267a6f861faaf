package dev.herald.example.restaurant;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The restaurant demo: customers order, the kitchen cooks, a driver delivers, and every page
 * follows along live through Herald, which runs inside this app ({@code herald.server.enabled}).
 */
@SpringBootApplication
public class RestaurantApplication {
  /** Starts the demo on http://127.0.0.1:8080 with Herald on port 6001. */
  public static void main(String[] args) {
    SpringApplication.run(RestaurantApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
