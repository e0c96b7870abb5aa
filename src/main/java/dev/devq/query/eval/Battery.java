package dev.devq.query.eval;

import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.check.Params;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code battery(m, d, rate, duration)}: the share of the device's battery a duty cycle of the
 * estimate's passes uses, with the energy's 80% range, and saying what it assumed of a duty cycle
 * the call left out. A reading of {@link Estimates#call}'s figures.
 */
final class Battery {
  private Battery() {}

  /**
   * Share of the battery that {@code rate × duration} passes use, each costing the estimate's
   * energy; a pass occupies the device for the figures' period, which bounds the rate.
   */
  static Value of(Evaluator ev, TypedExpr.Call e, Estimates.Figures f) {
    TypedExpr rateArg = e.arg(Params.RATE);
    TypedExpr durationArg = e.arg(Params.DURATION);
    double rate = Representable.number(ev, rateArg, Params.RATE.kind().dimension()).value();
    double duration =
        Representable.number(ev, durationArg, Params.DURATION.kind().dimension()).value();
    if (!(rate > 0) || !(duration > 0)) {
      TypedExpr bad = rate > 0 ? durationArg : rateArg;
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          (rate > 0 ? "the duration" : "the rate") + " of a duty cycle must be positive",
          bad.span(),
          "e.g. battery(m, d, 30fps, 1h)");
    }
    var device = f.target().device();
    double capacity = device.batteryWh().value().value();
    if (Double.isNaN(capacity)) {
      throw ev.fail(
          DiagnosticCode.UNKNOWN_FACT,
          device.name() + " has no battery capacity in its profile",
          e.arg(Params.TARGET).span(),
          "battery() needs a device with battery_wh");
    }
    if (rate * f.period() > 1) {
      // a rate left out stands at the call, which has no text of it: say what was assumed
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "the duty cycle asks for more than the device can run: "
              + Math.round(1 / f.period())
              + " predictions per second at most",
          rateArg.span(),
          e.leftOut(Params.RATE)
              ? "the rate left out is "
                  + Params.RATE.defaultValue()
                  + ": give the one the app runs at, e.g. battery(m, d, 10fps)"
              : "");
    }
    double energy = f.breakdown().energy();
    double share = rate * duration * energy / capacity;
    Quantity q = new Quantity(share, Dimensions.NONE, "%");
    // the battery share is energy × a count, so it takes the energy's range
    return Estimates.energyRanged(f, q).withCaveats(assumed(e));
  }

  /**
   * What {@code battery} assumed of a duty cycle the call left out, so the answer says it: a share
   * of the battery is only as meaningful as the time it is for.
   */
  private static List<Caveat> assumed(TypedExpr.Call e) {
    List<Caveat> out = new ArrayList<>();
    for (var p : List.of(Params.RATE, Params.DURATION)) {
      if (e.leftOut(p)) {
        out.add(
            new Caveat.Assumed(
                e.function().key(), p.name(), p.defaultValue(), "battery(m, d, 30fps, 10min)"));
      }
    }
    return out;
  }
}
