package dev.herald.example.restaurant.orders;

/**
 * A place on the demo city's map.
 *
 * @param latitude degrees north
 * @param longitude degrees east
 */
public record GeoPoint(double latitude, double longitude) {}
