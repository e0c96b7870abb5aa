package dev.devq.query.check;

import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Dimensions;

/**
 * What a product or a quotient counts: the one definition of the table in docs/language.md ("What a
 * product counts"). A rate or a count says what it counts (frames, tokens, a core's cycles, or
 * nothing said); the dimension algebra alone would read an energy per prediction times a clock as
 * watts, so each row here says what the result counts, and the rows whose result would be misread
 * are refused at the operand to change. Rows are tried in order; the first that matches decides. A
 * time can count cycles too: {@code 1 / clock} is the time of one of a core's cycles, not of a
 * prediction, so an energy over it is no power (rows 9 to 12).
 */
final class CountAlgebra {
  private CountAlgebra() {}

  /** The roles an operand can play in the table; every other quantity is {@link #OTHER}. */
  enum Role {
    /** A number that counts nothing in particular: {@code 2}, {@code 50%}, {@code m.params}. */
    NUMBER,
    /** A number that counts something: {@code 128 tok}, the cycles of a prediction. */
    COUNT,
    RATE,
    TIME,
    ENERGY,
    POWER,
    OTHER;

    static Role of(Type.Quantity q) {
      Dimension d = q.dimension();
      if (d.isNone()) {
        return q.rate() == Type.Rate.UNMARKED ? NUMBER : COUNT;
      }
      if (d.equals(Dimensions.FREQUENCY)) {
        return RATE;
      }
      if (d.equals(Dimensions.TIME)) {
        return TIME;
      }
      if (d.equals(Dimensions.ENERGY)) {
        return ENERGY;
      }
      return d.equals(Dimensions.POWER) ? POWER : OTHER;
    }
  }

  /**
   * The type of {@code left × right}, or {@link Type#ANY} after an error at the operand to change.
   */
  static Type product(Checker c, TypedExpr left, TypedExpr right) {
    Type.Quantity l = (Type.Quantity) left.type();
    Type.Quantity r = (Type.Quantity) right.type();
    Role a = Role.of(l);
    Role b = Role.of(r);
    // 1. a number scales the other side, which keeps what it counts
    if (a == Role.NUMBER) {
      return r;
    }
    if (b == Role.NUMBER) {
      return l;
    }
    // 2. a rate of k times a time: a count of k (a clock over a latency, the cycles of a
    // prediction)
    if (a == Role.RATE && b == Role.TIME || a == Role.TIME && b == Role.RATE) {
      return new Type.Quantity(Dimensions.NONE, (a == Role.RATE ? l : r).rate());
    }
    // 3. a count of k (per prediction) times a rate of predictions: a rate of k
    if (a == Role.COUNT && b == Role.RATE && perPrediction(r)) {
      return new Type.Quantity(Dimensions.FREQUENCY, l.rate());
    }
    if (b == Role.COUNT && a == Role.RATE && perPrediction(l)) {
      return new Type.Quantity(Dimensions.FREQUENCY, r.rate());
    }
    // 4. an energy per prediction (or per token) times a rate of them: a power; 5. never a clock
    if (a == Role.ENERGY && b == Role.RATE || a == Role.RATE && b == Role.ENERGY) {
      TypedExpr rate = a == Role.RATE ? left : right;
      if (((Type.Quantity) rate.type()).rate() == Type.Rate.CYCLES) {
        clockIsNoRateOfPredictions(
            c,
            rate,
            "an energy times a clock is no power: energy(…) is of one prediction, and a clock"
                + " counts a core's cycles",
            "multiply by a rate of predictions such as 30 fps, by decode_rate(…) or by 1 /"
                + " latency(…)");
        return Type.ANY;
      }
      return Type.quantity(Dimensions.POWER);
    }
    // 6. a power times the time of a core's cycles: no energy of a prediction
    if (a == Role.POWER && cycleTime(r) || cycleTime(l) && b == Role.POWER) {
      cycleTimeIsNoTimeOfAPrediction(
          c,
          a == Role.POWER ? right : left,
          "a power times the time of a core's cycles is no energy of a prediction: 1 / clock is"
              + " the time of one cycle",
          "multiply by the time of a prediction: latency(…), or 1 / a rate of predictions such as"
              + " 1 / 30 fps");
      return Type.ANY;
    }
    // 7. the dimension algebra alone, counting nothing in particular
    return Type.quantity(l.dimension().times(r.dimension()));
  }

  /**
   * The type of {@code left / right}, or {@link Type#ANY} after an error at the operand to change.
   */
  static Type quotient(Checker c, TypedExpr left, TypedExpr right) {
    Type.Quantity l = (Type.Quantity) left.type();
    Type.Quantity r = (Type.Quantity) right.type();
    Role a = Role.of(l);
    Role b = Role.of(r);
    // 8. divided by a number, it keeps what it counts
    if (b == Role.NUMBER) {
      return l;
    }
    Type cycles = overCycles(c, left, right);
    if (cycles != null) {
      return cycles;
    }
    // 13. a count of k over a time: a rate of k (128 tok / 2 s, 1 / latency(…) counts nothing said)
    if ((a == Role.NUMBER || a == Role.COUNT) && b == Role.TIME) {
      return new Type.Quantity(Dimensions.FREQUENCY, l.rate());
    }
    // 14. a number over a rate: a time; 15. a count over a rate of what it counts: a time; 16. a
    // count over a rate of something else: refused
    if ((a == Role.NUMBER || a == Role.COUNT) && b == Role.RATE) {
      if (l.clashes(r)) {
        c.error(
            DiagnosticCode.DIMENSION_MISMATCH,
            l.what() + " divided by " + r.what(),
            right.span(),
            r.what(),
            "a count over a rate of what it counts is a time: divide "
                + l.what().replaceFirst("^a count of ", "")
                + " by a rate of "
                + l.what().replaceFirst("^a count of ", ""));
        return Type.ANY;
      }
      return Type.quantity(Dimensions.TIME);
    }
    if (a == Role.RATE && b == Role.RATE) {
      // 17. k per prediction: a count of k; 18. any other ratio of rates: a plain number
      return new Type.Quantity(
          Dimensions.NONE,
          l.rate() != r.rate() && perPrediction(r) ? l.rate() : Type.Rate.UNMARKED);
    }
    // 19. a power over a rate of predictions (or tokens): the energy of one; 20. never a clock
    if (a == Role.POWER && b == Role.RATE) {
      if (r.rate() == Type.Rate.CYCLES) {
        clockIsNoRateOfPredictions(
            c,
            right,
            "a power over a clock is no energy of a prediction: a clock counts a core's cycles",
            "divide by a rate of predictions such as 30 fps, by decode_rate(…) or by 1 /"
                + " latency(…)");
        return Type.ANY;
      }
      return Type.quantity(Dimensions.ENERGY);
    }
    // 21. the dimension algebra alone, counting nothing in particular
    return Type.quantity(l.dimension().divide(r.dimension()));
  }

  /**
   * Rows 9 to 12, the quotients that make or undo the time of a core's cycles ({@code 1 / clock}),
   * so that time never stands for the time of a prediction; null when none matches. Marked, that
   * time is still a time: it compares with, adds to and converts like any other ({@link Operators},
   * {@link Conversions}).
   */
  private static Type overCycles(Checker c, TypedExpr left, TypedExpr right) {
    Type.Quantity l = (Type.Quantity) left.type();
    Type.Quantity r = (Type.Quantity) right.type();
    Role a = Role.of(l);
    Role b = Role.of(r);
    // 9. a number, or a count of cycles, over a clock: the time of that many cycles
    if ((a == Role.NUMBER || a == Role.COUNT && l.rate() == Type.Rate.CYCLES)
        && b == Role.RATE
        && r.rate() == Type.Rate.CYCLES) {
      return new Type.Quantity(Dimensions.TIME, Type.Rate.CYCLES);
    }
    if (!cycleTime(r)) {
      return null;
    }
    // 10. a number over the time of a cycle: a clock again
    if (a == Role.NUMBER) {
      return Type.clock();
    }
    // 11. a time over the time of a cycle: the cycles it lasts, as a time times a clock
    if (a == Role.TIME && l.rate() == Type.Rate.UNMARKED) {
      return new Type.Quantity(Dimensions.NONE, Type.Rate.CYCLES);
    }
    // 12. an energy over the time of a cycle: no power, as an energy times a clock (row 5)
    if (a == Role.ENERGY) {
      cycleTimeIsNoTimeOfAPrediction(
          c,
          right,
          "an energy over the time of a core's cycles is no power: energy(…) is of one"
              + " prediction, and 1 / clock is the time of one cycle",
          "divide by the time of a prediction: latency(…), or 1 / a rate of predictions such as"
              + " 1 / 30 fps");
      return Type.ANY;
    }
    return null;
  }

  /** The time of a core's cycles: {@code 1 / a16.cpu.p_core_clock}, cycles over a clock. */
  private static boolean cycleTime(Type.Quantity q) {
    return Role.of(q) == Role.TIME && q.rate() == Type.Rate.CYCLES;
  }

  /** Refuses the time of a core's cycles where the time of a prediction is meant, at it. */
  private static void cycleTimeIsNoTimeOfAPrediction(
      Checker c, TypedExpr time, String message, String suggestion) {
    c.error(
        DiagnosticCode.DIMENSION_MISMATCH,
        message,
        time.span(),
        "the time of a core's cycles",
        suggestion);
  }

  /** A rate of predictions: frames, or a rate that does not say ({@code 1 / latency(…)}). */
  private static boolean perPrediction(Type.Quantity rate) {
    return rate.rate() == Type.Rate.FRAMES || rate.rate() == Type.Rate.UNMARKED;
  }

  /** Refuses a clock where a rate of predictions is meant, at the clock. */
  private static void clockIsNoRateOfPredictions(
      Checker c, TypedExpr clock, String message, String suggestion) {
    c.error(DiagnosticCode.DIMENSION_MISMATCH, message, clock.span(), "a clock", suggestion);
  }
}
