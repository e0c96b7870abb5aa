package dev.devq.query.eval;

import dev.devq.cost.Conditions;
import dev.devq.cost.LayerCost;
import dev.devq.cost.MemoryLimit;
import dev.devq.cost.Pipeline;
import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.PipelinePart;
import dev.devq.cost.Prediction;
import dev.devq.cost.Runtime;
import dev.devq.cost.Target;
import dev.devq.kb.Device;
import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.Model;
import dev.devq.query.check.Functions;
import dev.devq.query.check.Signature;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The estimate functions: {@code latency}, {@code fps}, {@code memory}, {@code energy}, {@code
 * power}, {@code battery}, {@code load_time}, {@code placement}, {@code fallbacks}, {@code
 * explain}. All share {@code (model, target, state, units, batch, start)}, and all take a pipeline
 * ({@code seq(a, b)}, {@code par(a, b)}) in place of the model.
 */
final class Estimates {
  private Estimates() {}

  /** What a call asks, once its arguments are evaluated. */
  private record Request(Target target, Conditions conditions) {}

  static Value call(Evaluator ev, TypedExpr.Call e) {
    List<TypedExpr> a = e.args();
    Value subject = ev.eval(a.get(0));
    Target target = Targets.target(ev, ev.eval(a.get(1)), a.get(1).span());
    Conditions conditions =
        Targets.conditions(
                ev,
                ev.eval(arg(e, "state")),
                ev.eval(arg(e, "units")),
                ev.eval(arg(e, "batch")),
                ev.eval(arg(e, "start")),
                arg(e, "batch").span())
            .withRuntime(runtime(ev, arg(e, "runtime")));
    var request = new Request(target, conditions);
    if (subject instanceof Value.PipelineV p) {
      return pipeline(ev, e, p.pipeline(), request);
    }
    Model model = subject instanceof Value.ModelV m ? m.model() : Builtins.model(ev, a.get(0));
    Prediction est;
    try {
      est = Builtins.estimate(ev, model, target, conditions);
    } catch (ArithmeticException overflow) {
      throw ev.tooLarge(e.span());
    } catch (DevqException failure) {
      throw ev.fail(failure.diagnostic().code(), failure.diagnostic().message(), e.span(), "");
    }
    ev.record(est, e.span());
    requireFits(ev, e, est);
    return switch (e.function()) {
      case "latency" -> time(est.latency());
      case "fps" ->
          new Value.QuantityV(
              Quantity.of(conditions.batch() / est.warmLatency(), Dimensions.FREQUENCY));
      case "memory" -> Builtins.bytes(est.memoryBytes());
      case "energy" -> new Value.QuantityV(Quantity.of(est.energy(), Dimensions.ENERGY));
      case "power" ->
          new Value.QuantityV(Quantity.of(est.energy() / est.warmLatency(), Dimensions.POWER));
      case "load_time" -> time(est.loadTime());
      case "battery" -> battery(ev, e, est.energy(), est.warmLatency(), target.device());
      case "placement" -> new Value.ExplainV("placement", est);
      case "explain" -> new Value.ExplainV("explain", est);
      case "fallbacks" -> new Value.ListV(fallbacks(est, ""));
      default ->
          throw ev.fail(
              DiagnosticCode.INTERNAL, "no estimate function '" + e.function() + "'", e.span(), "");
    };
  }

  /** The runtime argument; {@code coreml} when the call leaves it out. */
  private static Runtime runtime(Evaluator ev, TypedExpr runtimeArg) {
    Value v = ev.eval(runtimeArg);
    Runtime runtime = v instanceof Value.SymbolV s ? Runtime.parse(s.name()) : null;
    return runtime == null ? Runtime.COREML : runtime;
  }

  /**
   * A model that does not fit the memory its runtime may use cannot run at the predicted speed:
   * every figure but {@code memory} (which says by how much) and {@code explain} is an error.
   */
  private static void requireFits(Evaluator ev, TypedExpr.Call e, Prediction est) {
    double limit = MemoryLimit.of(est.target(), est.conditions());
    if (!(est.memoryBytes() > limit)
        || e.function().equals("memory")
        || e.function().equals("explain")) {
      return;
    }
    throw ev.fail(
        DiagnosticCode.UNSUPPORTED,
        est.label()
            + " needs "
            + dev.devq.lang.unit.QuantityFormat.format(
                Quantity.of(est.memoryBytes(), Dimensions.BYTES))
            + ", more than the GPU working set of "
            + est.target().label()
            + " ("
            + dev.devq.lang.unit.QuantityFormat.format(Quantity.of(limit, Dimensions.BYTES))
            + ")",
        e.span(),
        "Metal keeps a model's buffers within recommendedMaxWorkingSetSize; quantize the model or"
            + " pick a Mac with more memory");
  }

  /** The argument bound to a parameter; arguments arrive in signature order. */
  private static TypedExpr arg(TypedExpr.Call e, String name) {
    List<Signature.Param> params = Functions.get(e.function()).params();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(name)) {
        return e.args().get(i);
      }
    }
    throw new IllegalStateException(e.function() + " has no parameter " + name);
  }

  /** {@code seq(…)} and {@code par(…)}: a pipeline of the evaluated models and pipelines. */
  static Value pipeline(Evaluator ev, TypedExpr.Call e) {
    List<PipelinePart> parts = new ArrayList<>();
    for (TypedExpr arg : e.args()) {
      Value v = ev.eval(arg);
      if (v instanceof Value.PipelineV p) {
        parts.add(p.pipeline());
      } else {
        parts.add(new PipelinePart.Single(Builtins.model(ev, arg)));
      }
    }
    var kind = e.function().equals("seq") ? Pipeline.Kind.SEQ : Pipeline.Kind.PAR;
    return new Value.PipelineV(new Pipeline(kind, parts));
  }

  /**
   * A pipeline's figures: latency is one pass through the schedule; {@code fps} and {@code power}
   * assume passes stream, each unit taking up the next pass when it is free.
   */
  private static Value pipeline(Evaluator ev, TypedExpr.Call e, Pipeline p, Request r) {
    PipelineEstimate est;
    try {
      est = ev.engine().costModel().estimate(p, r.target(), r.conditions());
    } catch (DevqException failure) {
      throw ev.fail(failure.diagnostic().code(), failure.diagnostic().message(), e.span(), "");
    }
    ev.record(est, e.span());
    return switch (e.function()) {
      case "latency" -> time(est.latency());
      case "fps" ->
          new Value.QuantityV(
              Quantity.of(r.conditions().batch() / est.period(), Dimensions.FREQUENCY));
      case "memory" -> Builtins.bytes(est.memoryBytes());
      case "energy" -> new Value.QuantityV(Quantity.of(est.energy(), Dimensions.ENERGY));
      case "power" ->
          new Value.QuantityV(Quantity.of(est.energy() / est.period(), Dimensions.POWER));
      case "load_time" -> time(est.loadTime());
      case "battery" -> battery(ev, e, est.energy(), est.period(), r.target().device());
      case "placement" -> new Value.ExplainV("placement", est);
      case "explain" -> new Value.ExplainV("explain", est);
      case "fallbacks" -> {
        List<Value> out = new ArrayList<>();
        est.stages().forEach(s -> out.addAll(fallbacks(s, s.label())));
        yield new Value.ListV(out);
      }
      default ->
          throw ev.fail(
              DiagnosticCode.INTERNAL, "no estimate function '" + e.function() + "'", e.span(), "");
    };
  }

  private static Value time(double seconds) {
    return new Value.QuantityV(Quantity.of(seconds, Dimensions.TIME));
  }

  /**
   * Share of the battery that {@code rate × duration} passes use, each costing {@code energy}; a
   * pass occupies the device for {@code busy}, which bounds the rate.
   */
  private static Value battery(
      Evaluator ev, TypedExpr.Call e, double energy, double busy, Device device) {
    TypedExpr rateArg = arg(e, "rate");
    double rate = ev.quantity(ev.eval(rateArg), rateArg.span()).value();
    double duration = ev.quantity(ev.eval(arg(e, "duration")), arg(e, "duration").span()).value();
    if (!(rate > 0) || !(duration > 0)) {
      TypedExpr bad = rate > 0 ? arg(e, "duration") : rateArg;
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          (rate > 0 ? "the duration" : "the rate") + " of a duty cycle must be positive",
          bad.span(),
          "e.g. battery(m, d, 30fps, 1h)");
    }
    double capacity = device.batteryWh().value().value();
    if (Double.isNaN(capacity)) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          device.name() + " has no battery capacity in its profile",
          e.args().get(1).span(),
          "battery() needs a device with battery_wh");
    }
    if (rate * busy > 1) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "the duty cycle asks for more than the device can run: "
              + Math.round(1 / busy)
              + " predictions per second at most",
          rateArg.span(),
          "");
    }
    return new Value.QuantityV(
        new Quantity(rate * duration * energy / capacity, Dimensions.NONE, "%"));
  }

  /** The layers that left the preferred unit; {@code model} names the stage of a pipeline. */
  private static List<Value> fallbacks(Prediction est, String model) {
    List<Value> out = new ArrayList<>();
    for (LayerCost c : est.fallbacks()) {
      List<Value.Field> fields = new ArrayList<>();
      if (!model.isEmpty()) {
        fields.add(new Value.Field("model", new Value.StrV(model)));
      }
      fields.add(new Value.Field("layer", new Value.StrV(c.layer().name())));
      fields.add(new Value.Field("op", new Value.StrV(c.layer().op())));
      fields.add(new Value.Field("unit", new Value.StrV(c.unit().key())));
      fields.add(new Value.Field("reason", new Value.StrV(c.reason())));
      out.add(new Value.RecordV("layer", c.layer().name(), fields));
    }
    return out;
  }
}
