package dev.devq.model;

import dev.devq.kb.YamlNode;

/**
 * The largest model devq builds, and the checked arithmetic of counts.
 *
 * <p>A model description is a small program: {@code repeat}, block calls and parameters multiply it
 * out. Without bounds a profile with {@code repeat: 1000000000}, forty blocks each calling the next
 * twice, or {@code out: 9223372036854775807} hangs every command at load or wraps a count around to
 * a wrong answer. The bounds sit far above any real network (Llama 3.1 8B has about 500 layers, its
 * largest axis is the 128,256-entry vocabulary, its largest tensor about 10^10 elements), so only a
 * hostile or mistaken file reaches them; each is reported where it is hit, naming the value and the
 * limit.
 */
public final class ModelLimits {
  /** Largest size of one axis, and of any size-like layer argument ({@code out}, {@code vocab}). */
  public static final long MAX_AXIS = 1L << 24;

  /** Most axes of a layer's shape as a description writes it (the batch axis aside). */
  public static final int MAX_RANK = 8;

  /** Largest number of elements in one tensor (2^40, about 1.1 × 10^12). */
  public static final long MAX_ELEMENTS = 1L << 40;

  /**
   * Largest MACs, FLOPs or parameters written out for one layer (2^44, about 1.8 × 10^13): the
   * totals of {@link #MAX_LAYERS} such layers still fit a long.
   */
  static final long MAX_LAYER_WORK = 1L << 44;

  /** Largest number of layers after expanding repeats and blocks. */
  public static final int MAX_LAYERS = 50_000;

  /** Largest number of layer items visited while expanding (skipped ones included). */
  static final int MAX_STEPS = 500_000;

  /** Deepest nesting of block calls. */
  static final int MAX_CALL_DEPTH = 64;

  private ModelLimits() {}

  /**
   * A bound was passed: the build stops at once (carrying on would only repeat the work that made
   * it too large), reported at {@code node}.
   */
  static final class Exceeded extends RuntimeException {
    final transient YamlNode node;

    Exceeded(YamlNode node, String message) {
      super(message, null, false, false);
      this.node = node;
    }
  }

  /** Stops a build whose expansion visits its {@code steps}-th item, past the limit. */
  static void step(YamlNode item, int steps) {
    if (steps > MAX_STEPS) {
      throw new Exceeded(
          item,
          "expanding the model visits more than "
              + MAX_STEPS
              + " layer items, the limit: a repeat count or nested block calls multiply too far");
    }
  }

  /** Rejects a shape with an axis or an element count past the limits. */
  static void checkShape(Shape s, String what) {
    for (long d : s.dims()) {
      if (d > MAX_AXIS) {
        throw new Formula.FormulaError(
            what + " " + s + " has an axis of " + d + ", above the limit of " + MAX_AXIS);
      }
    }
    long n = 1;
    for (long d : s.dims()) {
      n = Math.multiplyExact(n, d);
      if (n > MAX_ELEMENTS) {
        throw new Formula.FormulaError(
            what + " " + s + " has more than " + MAX_ELEMENTS + " elements (2^40), the limit");
      }
    }
  }

  /** The product of counts; an overflow throws {@link ArithmeticException}, never wraps. */
  static long mul(long... factors) {
    long n = 1;
    for (long f : factors) {
      n = Math.multiplyExact(n, f);
    }
    return n;
  }

  /** The sum of counts; an overflow throws {@link ArithmeticException}, never wraps. */
  static long add(long a, long b) {
    return Math.addExact(a, b);
  }
}
