package dev.devq.kb;

import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a binned part of a SoC can be asked for by: its GPU, CPU and Neural Engine cores, and the
 * top clock of its performance cores ({@code a15(p_core_clock = 2.93 GHz)}, the iPad mini's A15). A
 * query's call, a device's {@code variant:} and a part's label all go through this one list, and
 * the clock's plausible range is checked here for the SoC's own {@code cpu.p_core_clock}, a
 * variant's and a device's alike.
 *
 * <p>Values are quantities: core counts are whole dimensionless numbers, the clock a frequency.
 * {@code parameters} maps use {@link #key()} as key, in this declaration order.
 */
public enum SocParameter {
  GPU_CORES("gpu_cores", Dimensions.NONE),
  CPU_CORES("cpu_cores", Dimensions.NONE),
  ANE_CORES("ane_cores", Dimensions.NONE),
  P_CORE_CLOCK("p_core_clock", Dimensions.FREQUENCY);

  /** The lowest and highest P-core clock a phone or Mac CPU plausibly has, in GHz. */
  private static final double LOWEST_CLOCK_GHZ = 0.5;

  private static final double HIGHEST_CLOCK_GHZ = 10;

  /**
   * Two clocks within this relative difference are the same: {@code 2930 MHz} and {@code 2.93 GHz}
   * need not round to the same double.
   */
  private static final double SAME_CLOCK = 1e-9;

  private final String key;
  private final Dimension dimension;

  SocParameter(String key, Dimension dimension) {
    this.key = key;
    this.dimension = dimension;
  }

  /** The name a query, a profile and a label write: {@code gpu_cores}. */
  public String key() {
    return key;
  }

  /** Dimensionless for the core counts, a frequency for the clock. */
  public Dimension dimension() {
    return dimension;
  }

  /** What a value must be, for messages: {@code a whole number}, {@code a frequency}. */
  public String kind() {
    return dimension.equals(Dimensions.FREQUENCY) ? "a frequency" : "a whole number";
  }

  /** Every key, in declaration order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(SocParameter::key).toList();
  }

  /** The parameter a key names, or null. */
  public static SocParameter parse(String key) {
    for (SocParameter p : values()) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    return null;
  }

  /** This parameter's value on {@code part}. */
  Quantity of(Soc part) {
    return switch (this) {
      case GPU_CORES -> Quantity.number(part.gpu().cores().value());
      case CPU_CORES -> Quantity.number(part.cpu().cores().value());
      case ANE_CORES -> Quantity.number(part.ane().cores().value());
      case P_CORE_CLOCK -> part.cpu().clock().value();
    };
  }

  /** Whether a part could have this value: a whole number of cores, or any clock. */
  public boolean admits(Quantity value) {
    double v = value.value();
    return dimension.equals(Dimensions.FREQUENCY)
        ? Double.isFinite(v)
        : v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE;
  }

  /** Whether two values are the same part's: equal counts, or clocks equal within rounding. */
  public boolean same(Quantity a, Quantity b) {
    return dimension.equals(Dimensions.FREQUENCY)
        ? Math.abs(a.value() - b.value()) <= SAME_CLOCK * Math.abs(b.value())
        : a.value() == b.value();
  }

  /**
   * The value as a query writes it and reads back to the same part: {@code 30}, {@code 4.608 GHz}
   * (every digit, where three significant ones would name another clock).
   */
  public String format(Quantity value) {
    if (dimension.equals(Dimensions.FREQUENCY)) {
      return Double.isNaN(value.value())
          ? "unknown"
          : QuantityFormat.exact(value.value() / 1e9) + " GHz";
    }
    return admits(value)
        ? Long.toString((long) value.value())
        : QuantityFormat.number(value.value(), 6);
  }

  /** {@code gpu_cores = 30, p_core_clock = 4.43 GHz}: parameters as a call writes them. */
  public static String describe(Map<String, Quantity> params) {
    List<String> out = new ArrayList<>();
    params.forEach((k, v) -> out.add(k + " = " + parse(k).format(v)));
    return String.join(", ", out);
  }

  /** Every parameter with {@code part}'s value. */
  static Map<String, Quantity> all(Soc part) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    for (SocParameter p : values()) {
      out.put(p.key, p.of(part));
    }
    return out;
  }

  /**
   * The parameters a device's {@code variant: {gpu_cores: 30}} selects, each read as the profile
   * keys of a SoC read it (a clock range-checked by {@link #clock}).
   */
  static Map<String, Quantity> read(Fields v) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    for (SocParameter p : values()) {
      if (p == P_CORE_CLOCK) {
        Sourced<Quantity> clock = clock(v, false);
        if (clock.present()) {
          out.put(p.key, clock.value());
        }
        continue;
      }
      Sourced<Integer> n = v.integer(p.key, 1, false);
      if (n.present()) {
        out.put(p.key, Quantity.number(n.value()));
      }
    }
    return out;
  }

  /**
   * {@code p_core_clock} of a SoC's {@code cpu:}, a variant or a device's selection: every layer
   * the CPU or the GPU runs pays a dispatch scaled by it, so a clock off by a unit prefix ({@code
   * 4.4 MHz}) would multiply those costs a thousandfold: outside the range of any phone or Mac CPU
   * it is an error at the value.
   */
  static Sourced<Quantity> clock(Fields f, boolean required) {
    Sourced<Quantity> clock = f.quantity(P_CORE_CLOCK.key, Dimensions.FREQUENCY, required);
    double ghz = clock.value().value() / 1e9;
    if (clock.present() && (ghz < LOWEST_CLOCK_GHZ || ghz > HIGHEST_CLOCK_GHZ)) {
      f.problems()
          .error(
              clock.origin().source(),
              clock.origin().span(),
              "'p_core_clock' is "
                  + QuantityFormat.exact(ghz)
                  + " GHz: a phone or Mac CPU's performance cores clock between "
                  + QuantityFormat.exact(LOWEST_CLOCK_GHZ)
                  + " and "
                  + QuantityFormat.exact(HIGHEST_CLOCK_GHZ)
                  + " GHz",
              "check the unit: the top clock, e.g. 3.5 GHz");
    }
    return clock;
  }
}
