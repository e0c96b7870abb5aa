package dev.devq.lang.unit;

/** The dimensions profile fields are checked against. */
public final class Dimensions {
  public static final Dimension TIME = Dimension.base("Time");
  public static final Dimension BYTES = Dimension.base("Bytes");
  public static final Dimension OPERATIONS = Dimension.base("Operations");
  public static final Dimension ENERGY = Dimension.base("Energy");
  public static final Dimension CHARGE = Dimension.base("Charge");
  public static final Dimension THROUGHPUT = OPERATIONS.divide(TIME);
  public static final Dimension BANDWIDTH = BYTES.divide(TIME);
  public static final Dimension POWER = ENERGY.divide(TIME);
  public static final Dimension FREQUENCY = Dimension.NONE.divide(TIME);
  public static final Dimension NONE = Dimension.NONE;

  private Dimensions() {}
}
