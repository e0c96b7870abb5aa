package dev.devq.cost;

/** What limits a layer: arithmetic, memory traffic, or per-layer overhead. */
public enum Bound {
  COMPUTE,
  MEMORY,
  OVERHEAD;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
