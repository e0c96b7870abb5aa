package dev.devq.query.eval;

import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.UnitRegistry;
import dev.devq.query.check.Conversions;
import dev.devq.query.check.Type;

/**
 * The dimension checks the checker makes wherever a value's type is known, made again on the value
 * where it was not: an item of a list that mixes kinds ({@code x in [224, 224 B]}) or a field of a
 * record has no type before it is evaluated, and without these checks {@code 224 B} would be read
 * as the resolution 224, {@code 60 GB} as {@code after(60 s)}, and keys of two dimensions ordered
 * by their numbers in base units.
 */
final class LateTypes {
  private LateTypes() {}

  /**
   * {@code v} as a quantity of the dimension its place needs ({@code after}'s duration, a model's
   * parameter, a batch); anything else is an error at {@code at}.
   */
  static Quantity quantity(Evaluator ev, Value v, Span at, Dimension expected) {
    Quantity q = ev.quantity(v, at);
    if (!q.dimension().equals(expected)) {
      UnitRegistry units = UnitRegistry.standard();
      throw ev.fail(
          DiagnosticCode.DIMENSION_MISMATCH,
          "expected " + units.describe(expected) + ", found " + units.describe(q.dimension()),
          at,
          "");
    }
    return q;
  }

  /**
   * {@code v} converted to {@code unit}: a quantity of the unit's dimension, as the checker says.
   */
  static Quantity convertible(Evaluator ev, Value v, Span at, Dimension unit, String written) {
    Quantity q = ev.quantity(v, at);
    if (!q.dimension().equals(unit)) {
      throw ev.fail(
          DiagnosticCode.DIMENSION_MISMATCH,
          Conversions.cannotConvert(q.dimension(), written, unit),
          at,
          "");
    }
    return q;
  }

  /**
   * Refuses to weigh {@code next} against {@code first} when their dimensions differ ({@code max x
   * in [1 ms, 2 GB] by x}): no order holds between a time and a size.
   */
  static void sameDimension(Evaluator ev, Quantity first, Quantity next, Span at) {
    if (!first.dimension().equals(next.dimension())) {
      throw mismatch(ev, first.dimension(), next.dimension(), at);
    }
  }

  /**
   * Refuses to sort rows by keys of two kinds or dimensions, or by a key with no order: a quantity,
   * a text and a boolean have no order among them, and sorting them as if equal breaks the sort
   * itself.
   */
  static void sortable(Evaluator ev, Value first, Value next, Span at) {
    if (!ordered(next)) {
      throw ev.fail(
          DiagnosticCode.TYPE_MISMATCH,
          "cannot sort rows by " + kind(next) + ": it has no order",
          at,
          "sort by a quantity or a text, e.g. by d.year or by latency(m, d)");
    }
    if (first instanceof Value.QuantityV a && next instanceof Value.QuantityV b) {
      sameDimension(ev, a.quantity(), b.quantity(), at);
    } else if (first.getClass() != next.getClass()) {
      throw ev.fail(
          DiagnosticCode.TYPE_MISMATCH,
          "cannot sort rows by " + kind(first) + " and " + kind(next) + " together",
          at,
          "sort by keys of one kind: quantities of one dimension, texts or booleans");
    }
  }

  private static boolean ordered(Value v) {
    return v instanceof Value.QuantityV || v instanceof Value.StrV || v instanceof Value.BoolV;
  }

  /** The kinds a sort key may be, and the entity it may not, as the checker names them. */
  private static String kind(Value v) {
    if (v instanceof Value.EntityV e) {
      return new Type.Entity(e.entity().kind()).describe();
    }
    return v instanceof Value.QuantityV
        ? "a quantity"
        : v instanceof Value.StrV ? "a text" : v instanceof Value.BoolV ? "a boolean" : "a value";
  }

  private static DevqException mismatch(Evaluator ev, Dimension a, Dimension b, Span at) {
    UnitRegistry units = UnitRegistry.standard();
    return ev.fail(
        DiagnosticCode.DIMENSION_MISMATCH,
        "cannot compare " + units.describe(a) + " with " + units.describe(b),
        at,
        "");
  }
}
