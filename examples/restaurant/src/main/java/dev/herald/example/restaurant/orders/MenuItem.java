package dev.herald.example.restaurant.orders;

import java.math.BigDecimal;

/**
 * A dish on a restaurant's menu.
 *
 * @param id unique across restaurants
 * @param name what the menu and the kitchen display say
 * @param price in dollars
 * @param preparationMinutes how long the kitchen needs for it
 */
public record MenuItem(long id, String name, BigDecimal price, int preparationMinutes) {}
