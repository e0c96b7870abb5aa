package dev.devq.query.eval;

import dev.devq.cost.Breakdown;
import dev.devq.cost.CannotRun;
import dev.devq.cost.Conditions;
import dev.devq.cost.LayerCost;
import dev.devq.cost.MemoryLimit;
import dev.devq.cost.Pipeline;
import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.PipelinePart;
import dev.devq.cost.Prediction;
import dev.devq.cost.Target;
import dev.devq.kb.OsVersion;
import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.Model;
import dev.devq.query.check.Builtin;
import dev.devq.query.check.Params;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every estimate function ({@code latency}, {@code fps}, {@code memory}, …) shares: evaluate
 * the model (or pipeline), the target and the conditions, ask the cost model, and hand the figures
 * to the function's own reading of them (in {@link Builtins}).
 */
final class Estimates {
  private Estimates() {}

  /**
   * What an estimate function reads: the prediction (or a pipeline's schedule), the time one pass
   * occupies the device when passes run back to back, the target and the batch.
   */
  record Figures(Breakdown breakdown, double period, Target target, int batch) {}

  static Value call(Evaluator ev, TypedExpr.Call e, Function<Figures, Value> read) {
    TypedExpr modelArg = e.arg(Params.MODEL);
    Value subject = ev.eval(modelArg);
    Target target = Targets.target(ev, ev.eval(e.arg(Params.TARGET)), e.arg(Params.TARGET).span());
    Conditions conditions = Targets.conditions(ev, e);
    Pipeline pipeline = subject instanceof Value.PipelineV p ? p.pipeline() : null;
    Model model =
        pipeline != null
            ? null
            : subject instanceof Value.ModelV m ? m.model() : Builtins.model(ev, modelArg);
    Optional<Value> never =
        releaseNotRun(
            ev, e, pipeline != null ? pipeline.label() : model.label(), target, conditions);
    if (never.isPresent()) {
      return never.get();
    }
    Function<Conditions, Breakdown> estimate =
        pipeline != null
            ? c -> ev.engine().costModel().estimate(pipeline, target, c)
            : c -> ev.engine().estimate(model, target, c);
    Breakdown est;
    try {
      est = estimate.apply(conditions);
    } catch (ArithmeticException overflow) {
      throw Instances.tooLarge(ev, e.span());
    } catch (DevqException failure) {
      throw failed(ev, e, failure, conditions, estimate);
    }
    double period =
        est instanceof PipelineEstimate pe ? pe.period() : ((Prediction) est).warmLatency();
    ev.record(est, e.span());
    if (e.function() != Builtin.MEMORY && e.function() != Builtin.EXPLAIN) {
      Optional<Value> refused = cannotRun(ev, e, est);
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    return entitled(read.apply(new Figures(est, period, target, conditions.batch())), est);
  }

  /**
   * {@code v}, a figure of {@code estimates}, with the caveat that the first of them that fits its
   * target only with the increased-memory-limit entitlement needs it ({@link
   * MemoryLimit#entitlementNeeded}); as it is when none does, or it is no quantity.
   */
  static Value entitled(Value v, Breakdown... estimates) {
    if (!(v instanceof Value.QuantityV q)) {
      return v;
    }
    for (Breakdown b : estimates) {
      Optional<MemoryLimit.Entitlement> need = MemoryLimit.entitlementNeeded(b);
      if (need.isPresent()) {
        return q.withCaveats(List.of(new Caveat.Entitled(need.get())));
      }
    }
    return v;
  }

  /**
   * "Cannot run" when the target never runs the call's OS release ({@link CannotRun.Release}, one
   * rule with the support rule's), asked before the cost model, which has nothing to estimate
   * there: every estimate function answers it, {@code memory} and {@code explain} too.
   */
  static Optional<Value> releaseNotRun(
      Evaluator ev, TypedExpr.Call e, String model, Target target, Conditions c) {
    return CannotRun.Release.of(ev.engine().kb(), model, target, c)
        .map(why -> new Value.CannotRunV(why, ev.source(), e.arg(Params.OS).span()));
  }

  /**
   * One model's prediction for a call that derives the model itself ({@code ttft} builds a
   * decoder's two phases), with the same errors and budget as {@link #call}; the caller asks {@link
   * #releaseNotRun} first and {@link #cannotRun} after.
   */
  static Prediction predict(
      Evaluator ev, TypedExpr.Call e, Model model, Target target, Conditions conditions) {
    Prediction pr;
    try {
      pr = ev.engine().estimate(model, target, conditions);
    } catch (ArithmeticException overflow) {
      throw Instances.tooLarge(ev, e.span());
    } catch (DevqException failure) {
      throw failed(
          ev, e, failure, conditions, c -> ev.engine().costModel().estimate(model, target, c));
    }
    ev.record(pr, e.span());
    return pr;
  }

  /**
   * The answer of an estimate function when an estimate does not fit its target's memory ({@link
   * MemoryLimit}, the one rule): "cannot run", for the first that does not; empty when all fit.
   * {@code memory} and {@code explain} answer anyway: they are how a user sees why.
   */
  static Optional<Value> cannotRun(Evaluator ev, TypedExpr.Call e, Breakdown... estimates) {
    for (Breakdown b : estimates) {
      Optional<CannotRun> why = MemoryLimit.refusal(b);
      if (why.isPresent()) {
        return Optional.of(new Value.CannotRunV(why.get(), ev.source(), e.span()));
      }
    }
    return Optional.empty();
  }

  /**
   * A value that cannot run where a number is needed (a duty cycle's rate, a thermal state's time):
   * an error saying why, since no number stands for it. A release the target never runs is pointed
   * at where the call asked for it ({@code os = "iOS 18"}); memory at where the number was needed.
   */
  static DevqException noNumber(Evaluator ev, Value.CannotRunV v, Span at) {
    String message = "cannot run: " + v.why().reason();
    if (v.why() instanceof CannotRun.Release) {
      return new DevqException(
          Diagnostic.error(DiagnosticCode.UNSUPPORTED, message, v.source(), v.at())
              .withNote(
                  "an estimate has no figures under a release its target never runs;"
                      + " leave os out for the newest it runs"));
    }
    return ev.fail(
        DiagnosticCode.UNSUPPORTED,
        message,
        at,
        "a model that does not fit has no figures but its memory: memory(m, d) shows it");
  }

  /**
   * The cost model's refusal, positioned at the call, or at its {@code os} argument when the
   * release decides it: the same estimate under the newest release the target runs succeeds (a
   * layer's op reaches the allowed units only in a later release).
   */
  private static DevqException failed(
      Evaluator ev,
      TypedExpr.Call e,
      DevqException failure,
      Conditions c,
      Function<Conditions, Breakdown> estimate) {
    List<String> notes = failure.diagnostic().notes();
    boolean release = c.os() != null && runs(estimate, newest(c));
    return ev.fail(
        failure.diagnostic().code(),
        failure.diagnostic().message(),
        release ? e.arg(Params.OS).span() : e.span(),
        !notes.isEmpty()
            ? notes.get(0)
            : release ? "it runs under the newest release the target runs: leave os out" : "");
  }

  /** {@code c} under the newest release the target runs ({@code os} left out). */
  private static Conditions newest(Conditions c) {
    return new Conditions(c.thermal(), c.units(), c.batch(), c.start(), null, c.runtime());
  }

  private static boolean runs(Function<Conditions, Breakdown> estimate, Conditions c) {
    try {
      estimate.apply(c);
      return true;
    } catch (DevqException | ArithmeticException refused) {
      return false;
    }
  }

  /**
   * A model's latency with its 80% range (from held-out residuals, {@link Prediction#latencyLow});
   * a pipeline's without one.
   */
  static Value latency(Figures f) {
    return ranged(
        f,
        Quantity.of(f.breakdown().latency(), Dimensions.TIME),
        p -> p.latencyLow() / p.latency(),
        p -> p.latencyHigh() / p.latency(),
        p -> p.rangeAllowsFor().orElse(null));
  }

  /**
   * A model's load time, with the 80% range of its ranged parts ({@link dev.devq.cost.Load}): a
   * read at the generic storage speed, a first launch's compile for the Neural Engine; a cached
   * load from a measured flash is a sum of sourced rates and has none.
   */
  static Value loadTime(Figures f) {
    Quantity q = Quantity.of(f.breakdown().loadTime(), Dimensions.TIME);
    if (f.breakdown() instanceof Prediction p && p.load().hasRange()) {
      return spread(q, p.load().low() / p.load().time(), p.load().high() / p.load().time(), null);
    }
    return new Value.QuantityV(q);
  }

  /** A model's energy per pass with its 80% range ({@link Prediction#energyLow}). */
  static Value.QuantityV energy(Figures f) {
    return energyRanged(f, Quantity.of(f.breakdown().energy(), Dimensions.ENERGY));
  }

  /** {@code q}, a figure proportional to the energy of a pass, with the energy's range. */
  static Value.QuantityV energyRanged(Figures f, Quantity q) {
    // the energy's range never reaches an older release (Prediction#rangeAllowsFor)
    return ranged(
        f, q, p -> p.energyLow() / p.energy(), p -> p.energyHigh() / p.energy(), p -> null);
  }

  /** A model's passes per second back to back: the batch over the warm latency. */
  static Value rate(Figures f) {
    Quantity q = Quantity.of(f.batch() / f.period(), Dimensions.FREQUENCY);
    return f.breakdown() instanceof Prediction p ? rateRange(q, p) : new Value.QuantityV(q);
  }

  /**
   * A rate with the 80% range of the prediction it inverts ({@code fps}, {@code decode_rate}): a
   * rate is a count over the latency, so its ends are the latency's ends inverted, and the low rate
   * is the pessimistic one.
   */
  static Value.QuantityV rateRange(Quantity rate, Prediction p) {
    return p.hasRange()
        ? spread(rate, 1 / p.rangeHigh(), 1 / p.rangeLow(), p.rangeAllowsFor().orElse(null))
        : unranged(rate, p);
  }

  /**
   * {@code q}, a figure of {@code p}, without a range: carrying why when {@code p} lies outside its
   * fit's scope ({@link Prediction#rangeOutOfScope}), so every front end can say so.
   */
  static Value.QuantityV unranged(Quantity q, Prediction p) {
    return Value.QuantityV.outside(q, p.rangeOutOfScope().orElse(null));
  }

  /**
   * A figure with the range a single model's prediction gives it, as factors of the figure; a
   * pipeline's figure carries none.
   */
  private static Value.QuantityV ranged(
      Figures f,
      Quantity q,
      java.util.function.ToDoubleFunction<Prediction> low,
      java.util.function.ToDoubleFunction<Prediction> high,
      Function<Prediction, OsVersion> allowsFor) {
    if (!(f.breakdown() instanceof Prediction p)) {
      return new Value.QuantityV(q);
    }
    if (!p.hasRange()) {
      return unranged(q, p);
    }
    // a figure of 0 gives factors of NaN, which spread() never reads: it has no range
    return spread(q, low.applyAsDouble(p), high.applyAsDouble(p), allowsFor.apply(p));
  }

  /**
   * {@code q} with an 80% range from {@code lowFactor × q} to {@code highFactor × q}, for a
   * prediction that has one ({@link Prediction#hasRange}); none when the figure is not positive or
   * the range leaves it as it is (both factors 1: the energy of a prediction whose range only
   * reaches up for a release it does not name); {@code allowsFor} is the older release the range
   * allows for ({@link Prediction#rangeAllowsFor}), or null.
   */
  static Value.QuantityV spread(
      Quantity q, double lowFactor, double highFactor, OsVersion allowsFor) {
    if (!(q.value() > 0) || (lowFactor == 1 && highFactor == 1)) {
      return new Value.QuantityV(q);
    }
    return new Value.QuantityV(q, q.scaled(lowFactor), q.scaled(highFactor), allowsFor);
  }

  /** {@code seq(…)} and {@code par(…)}: a pipeline of the evaluated models and pipelines. */
  static Value pipeline(Evaluator ev, TypedExpr.Call e, Pipeline.Kind kind) {
    List<PipelinePart> parts = new ArrayList<>();
    for (TypedExpr arg : e.args()) {
      Value v = ev.eval(arg);
      if (v instanceof Value.PipelineV p) {
        parts.add(p.pipeline());
      } else {
        parts.add(new PipelinePart.Single(Builtins.model(ev, arg)));
      }
    }
    return new Value.PipelineV(new Pipeline(kind, parts));
  }

  /** The layers that left the preferred unit, each stage of a pipeline named. */
  static Value fallbacks(Breakdown est) {
    List<Value> out = new ArrayList<>();
    if (est instanceof PipelineEstimate p) {
      p.stages().forEach(s -> out.addAll(fallbacks(s, s.label())));
    } else if (est instanceof Prediction pr) {
      out.addAll(fallbacks(pr, ""));
    }
    return new Value.ListV(out);
  }

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
