package dev.devq.lang.eval;

import dev.devq.cost.Conditions;
import dev.devq.cost.Estimate;
import dev.devq.cost.LayerCost;
import dev.devq.cost.Target;
import dev.devq.kb.Device;
import dev.devq.kb.Dimensions;
import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.check.TypedExpr;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The estimate functions: {@code latency}, {@code fps}, {@code memory}, {@code energy},
 * {@code power}, {@code battery}, {@code load_time}, {@code placement}, {@code fallbacks},
 * {@code explain}. All share {@code (model, target, state, units, batch, start)}.
 */
final class Estimates {
  private Estimates() {}

  static Value call(Evaluator ev, TypedExpr.Call e) {
    List<TypedExpr> a = e.args();
    Model model = Builtins.model(ev, a.get(0));
    Target target = Targets.target(ev, ev.eval(a.get(1)), a.get(1).span());
    Value start = ev.eval(a.get(5));
    Conditions conditions = Targets.conditions(ev, ev.eval(a.get(2)), ev.eval(a.get(3)), ev.eval(a.get(4)), start,
        e.argSpans().get(4));
    Estimate est;
    try {
      est = Builtins.estimate(ev, model, target, conditions);
    } catch (DevqException failure) {
      throw ev.fail(failure.diagnostic().code(), failure.diagnostic().message(), e.span(), "");
    }
    boolean first = Targets.firstLaunch(start);
    double load = ev.engine().costModel().loadTime(model, first);
    return switch (e.function()) {
      case "latency" -> time(est.warmLatency() + (conditions.cold() ? load : 0));
      case "fps" -> new Value.QuantityV(Quantity.of(conditions.batch() / est.warmLatency(), Dimensions.FREQUENCY));
      case "memory" -> Builtins.bytes(est.memoryBytes());
      case "energy" -> new Value.QuantityV(Quantity.of(est.energy(), Dimensions.ENERGY));
      case "power" -> new Value.QuantityV(Quantity.of(est.energy() / est.warmLatency(), Dimensions.POWER));
      case "load_time" -> time(load);
      case "battery" -> battery(ev, e, est, target.device());
      case "placement" -> new Value.ExplainV("placement", est);
      case "explain" -> new Value.ExplainV("explain", est);
      case "fallbacks" -> fallbacks(est);
      default -> throw ev.fail(DiagnosticCode.INTERNAL, "no estimate function '" + e.function() + "'", e.span(), "");
    };
  }

  private static Value time(double seconds) {
    return new Value.QuantityV(Quantity.of(seconds, Dimensions.TIME));
  }

  /** Share of the battery that {@code rate × duration} predictions use. */
  private static Value battery(Evaluator ev, TypedExpr.Call e, Estimate est, Device device) {
    double rate = ev.quantity(ev.eval(e.args().get(6)), e.args().get(6).span()).value();
    double duration = ev.quantity(ev.eval(e.args().get(7)), e.args().get(7).span()).value();
    double capacity = device.batteryWh().value().value();
    if (Double.isNaN(capacity)) {
      throw ev.fail(DiagnosticCode.BAD_VALUE, device.name() + " has no battery capacity in its profile",
          e.args().get(1).span(), "battery() needs a device with battery_wh");
    }
    double predictions = rate * duration;
    double energy = predictions * est.energy();
    if (rate * est.warmLatency() > 1) {
      throw ev.fail(DiagnosticCode.BAD_VALUE, "the duty cycle asks for more than the device can run: "
          + Math.round(1 / est.warmLatency()) + " predictions per second at most", e.args().get(6).span(), "");
    }
    return new Value.QuantityV(new Quantity(energy / capacity, Dimensions.NONE, "%"));
  }

  private static Value fallbacks(Estimate est) {
    List<Value> out = new ArrayList<>();
    for (LayerCost c : est.fallbacks()) {
      out.add(new Value.RecordV("layer", c.layer().name(), List.of(
          new Value.Field("layer", new Value.StrV(c.layer().name())),
          new Value.Field("op", new Value.StrV(c.layer().op())),
          new Value.Field("unit", new Value.StrV(c.unit().key())),
          new Value.Field("reason", new Value.StrV(c.reason())))));
    }
    return new Value.ListV(out);
  }
}
