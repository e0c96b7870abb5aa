package dev.devq.calibrate;

/** What a fit ({@link Calibrator#fit}) does with a constant that no row moves. */
public enum Unmoved {
  /** Keeps the value in force: a fit of a user's rows replaces only what those rows pin. */
  IN_FORCE,
  /**
   * Sets it to its neutral value: a held-out fold must not keep what the rows now held out pinned
   * in the fit in force.
   */
  NEUTRAL
}
