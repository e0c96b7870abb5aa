package dev.devq.query.eval;

import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.Unit;
import dev.devq.lang.unit.UnitRegistry;
import dev.devq.query.check.TypedExpr;

/**
 * {@code value in UNIT}: the value written in the unit, which changes how it is shown, not what it
 * is. The dimension is the unit's (checked again here for a value whose type was known only once
 * evaluated, {@link LateTypes}), the figure must be writable in it ({@link Representable}), and an
 * estimate keeps its 80% range, converted too.
 */
final class UnitConversion {
  private UnitConversion() {}

  static Value of(Evaluator ev, TypedExpr.Convert e) {
    Value value = ev.eval(e.value());
    if (value instanceof Value.CannotRunV) {
      return value;
    }
    Unit unit = UnitRegistry.standard().find(e.unit());
    Quantity q =
        unit == null
            ? ev.quantity(value, e.value().span())
            : LateTypes.convertible(ev, value, e.value().span(), unit.dimension(), e.unit());
    if (unit != null) {
      Representable.inUnit(ev, value, unit, e.unit(), e.span());
    }
    String display = unit == null ? "" : e.unit();
    // a conversion changes how an estimate is written, not what it is: its caveats stay with it
    return Value.QuantityV.keeping(converted(value, q, display), value);
  }

  private static Value converted(Value value, Quantity q, String display) {
    if (value instanceof Value.QuantityV estimate && estimate.ranged()) {
      // nor does its range
      return new Value.QuantityV(
          q.withDisplayUnit(display),
          estimate.low().withDisplayUnit(display),
          estimate.high().withDisplayUnit(display),
          estimate.allowsFor());
    }
    // nor does it make an estimate outside its fit's scope any less so
    return Value.QuantityV.outside(
        q.withDisplayUnit(display),
        value instanceof Value.QuantityV estimate ? estimate.outOfScope() : null);
  }
}
