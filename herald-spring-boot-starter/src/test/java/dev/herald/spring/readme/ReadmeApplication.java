package dev.herald.spring.readme;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The README's "Spring Boot" app: an order service that broadcasts when an order ships. */
@SpringBootApplication
public class ReadmeApplication {
  public static void main(String[] args) {
    SpringApplication.run(ReadmeApplication.class, args);
  }
}
