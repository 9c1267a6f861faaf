package dev.herald.spring.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot app on the starter, as a user would write it: orders that ship. */
@SpringBootApplication
public class ShopApplication {}
