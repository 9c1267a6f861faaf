package dev.herald.example.restaurant.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;

/**
 * The demo city: a grid of {@value #BLOCKS_EAST} by {@value #BLOCKS_NORTH} blocks in lower
 * Manhattan's latitudes, the two restaurants and the customers' homes on its corners, and routes
 * that follow the streets. Pages draw it from {@link #bounds()}; no map tiles are needed.
 */
@Component
public class CityMap {
  static final int BLOCKS_EAST = 12;
  static final int BLOCKS_NORTH = 8;
  private static final double SOUTH = 40.7000;
  private static final double WEST = -74.0100;
  private static final double BLOCK_LATITUDE = 0.0030;
  private static final double BLOCK_LONGITUDE = 0.0040;

  /** The map's edges and grid, for the pages' SVG. */
  public record Bounds(
      double south, double west, double north, double east, int blocksEast, int blocksNorth) {}

  private final List<Restaurant> restaurants =
      List.of(
          new Restaurant(
              1,
              "Trattoria Centro",
              corner(3, 2),
              List.of(
                  item(11, "Margherita pizza", "12.50", 12),
                  item(12, "Spaghetti carbonara", "14.00", 10),
                  item(13, "Tiramisu", "6.50", 3))),
          new Restaurant(
              2,
              "Noodle Bar Nord",
              corner(9, 6),
              List.of(
                  item(21, "Tonkotsu ramen", "13.50", 9),
                  item(22, "Gyoza (6)", "7.00", 6),
                  item(23, "Matcha ice cream", "4.50", 2))));

  private final Map<Long, GeoPoint> homes = Map.of(1L, corner(10, 1), 2L, corner(1, 7));

  /** The restaurants. */
  public List<Restaurant> restaurants() {
    return restaurants;
  }

  /**
   * Restaurant {@code id}.
   *
   * @throws NoSuchElementException when there is none
   */
  public Restaurant restaurant(long id) {
    return restaurants.stream()
        .filter(restaurant -> restaurant.id() == id)
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no restaurant " + id));
  }

  /** Where customer {@code customerId} lives (the middle of the map for one we do not know). */
  public GeoPoint home(long customerId) {
    return homes.getOrDefault(customerId, corner(BLOCKS_EAST / 2, BLOCKS_NORTH / 2));
  }

  /** The map's edges and grid. */
  public Bounds bounds() {
    return new Bounds(
        SOUTH,
        WEST,
        SOUTH + BLOCKS_NORTH * BLOCK_LATITUDE,
        WEST + BLOCKS_EAST * BLOCK_LONGITUDE,
        BLOCKS_EAST,
        BLOCKS_NORTH);
  }

  /**
   * The corners a driver passes from {@code from} to {@code to}, both included: along the street
   * first (east-west), then the avenue.
   */
  public List<GeoPoint> route(GeoPoint from, GeoPoint to) {
    int x = column(from);
    int y = row(from);
    int toX = column(to);
    int toY = row(to);
    List<GeoPoint> corners = new ArrayList<>();
    corners.add(corner(x, y));
    while (x != toX) {
      x += Integer.signum(toX - x);
      corners.add(corner(x, y));
    }
    while (y != toY) {
      y += Integer.signum(toY - y);
      corners.add(corner(x, y));
    }
    return corners;
  }

  /** How many blocks a driver at {@code from} still has to drive to {@code to}. */
  public double blocksBetween(GeoPoint from, GeoPoint to) {
    return Math.abs(from.longitude() - to.longitude()) / BLOCK_LONGITUDE
        + Math.abs(from.latitude() - to.latitude()) / BLOCK_LATITUDE;
  }

  private static int column(GeoPoint point) {
    return (int) Math.round((point.longitude() - WEST) / BLOCK_LONGITUDE);
  }

  private static int row(GeoPoint point) {
    return (int) Math.round((point.latitude() - SOUTH) / BLOCK_LATITUDE);
  }

  private static GeoPoint corner(int x, int y) {
    return new GeoPoint(SOUTH + y * BLOCK_LATITUDE, WEST + x * BLOCK_LONGITUDE);
  }

  private static MenuItem item(long id, String name, String price, int minutes) {
    return new MenuItem(id, name, new BigDecimal(price), minutes);
  }
}
