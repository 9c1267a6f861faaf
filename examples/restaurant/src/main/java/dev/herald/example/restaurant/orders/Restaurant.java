package dev.herald.example.restaurant.orders;

import java.util.List;

/**
 * A restaurant branch.
 *
 * @param id the branch id ({@code restaurant.{id}}, {@code kitchen.{id}} channels)
 * @param name what pages show
 * @param location where drivers pick orders up
 * @param menu what customers can order
 */
public record Restaurant(long id, String name, GeoPoint location, List<MenuItem> menu) {}
