package dev.herald.example.restaurant.orders;

import java.math.BigDecimal;

/**
 * A line of an order.
 *
 * @param id the menu item's id
 * @param name the dish
 * @param quantity how many
 * @param price each
 */
public record OrderItem(long id, String name, int quantity, BigDecimal price) {}
