package dev.devq.kb;

import java.util.Locale;

/** The compute units of an Apple SoC that Core ML can place work on. */
public enum ComputeUnit {
  ANE("Neural Engine"),
  GPU("GPU"),
  CPU("CPU");

  private final String title;

  ComputeUnit(String title) {
    this.title = title;
  }

  /** {@code ane}, {@code gpu}, {@code cpu}: the key in profiles and the name in queries. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code Neural Engine}, for people. */
  public String title() {
    return title;
  }
}
