package dev.devq.query.eval;

import dev.devq.cost.Conditions;
import dev.devq.cost.Prediction;
import dev.devq.cost.Target;
import dev.devq.kb.ModelProfile;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.DecoderWindow;
import dev.devq.model.Model;
import dev.devq.query.check.Params;
import dev.devq.query.check.TypedExpr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ttft} and {@code decode_rate}: the two figures people ask of a decoder model, read from
 * its two phases. The model's {@code context} is the prompt: {@code ttft} is the prefill of those
 * tokens plus the first decode step; {@code decode_rate} is one decode step, as tokens per second.
 * A decode step's window counts its new token ({@link DecoderWindow}), so both cost one new token
 * in a window of {@code context} positions: a prompt as long as the model's largest context stays
 * within it, at the price of one key fewer than the exact next position. Both rebuild the model
 * with its {@code phase} set, keeping the caller's parameters and its precision, quantization or
 * compression.
 */
final class Decoding {
  private Decoding() {}

  /** Prefill of the prompt (with the start state's load time) plus one decode step. */
  static Value ttft(Evaluator ev, TypedExpr.Call e) {
    Model m = decoder(ev, e);
    Target target = Targets.target(ev, ev.eval(e.arg(Params.TARGET)), e.arg(Params.TARGET).span());
    Conditions c = Targets.conditions(ev, e);
    Optional<Value> never = Estimates.releaseNotRun(ev, e, m.label(), target, c);
    if (never.isPresent()) {
      return never.get();
    }
    Prediction prefill =
        Estimates.predict(ev, e, phase(ev, e, m, DecoderWindow.PREFILL), target, c);
    Prediction first = Estimates.predict(ev, e, phase(ev, e, m, DecoderWindow.DECODE), target, c);
    return Estimates.cannotRun(ev, e, prefill, first)
        .orElseGet(() -> Estimates.entitled(sum(prefill, first), prefill, first));
  }

  /**
   * The prefill's latency and the first step's warm latency, each with the range of its own
   * prediction (of the load in the prefill, only a first launch's compile has one); the older
   * release either range allows for, the sum's allows for.
   */
  private static Value sum(Prediction prefill, Prediction first) {
    double total = prefill.latency() + first.warmLatency();
    var outside = prefill.rangeOutOfScope().or(first::rangeOutOfScope);
    if (outside.isPresent()) {
      return Value.QuantityV.outside(Quantity.of(total, Dimensions.TIME), outside.get());
    }
    double low = prefill.latencyLow() + first.warmLatency() * first.rangeLow();
    double high = prefill.latencyHigh() + first.warmLatency() * first.rangeHigh();
    return Estimates.spread(
        Quantity.of(total, Dimensions.TIME),
        low / total,
        high / total,
        prefill.rangeAllowsFor().or(first::rangeAllowsFor).orElse(null));
  }

  /** Tokens per second of warm decode steps over the model's context. */
  static Value rate(Evaluator ev, TypedExpr.Call e) {
    Model m = decoder(ev, e);
    Target target = Targets.target(ev, ev.eval(e.arg(Params.TARGET)), e.arg(Params.TARGET).span());
    Conditions c = Targets.conditions(ev, e);
    Optional<Value> never = Estimates.releaseNotRun(ev, e, m.label(), target, c);
    if (never.isPresent()) {
      return never.get();
    }
    Prediction step = Estimates.predict(ev, e, phase(ev, e, m, DecoderWindow.DECODE), target, c);
    return Estimates.cannotRun(ev, e, step)
        .orElseGet(
            () ->
                Estimates.entitled(
                    Estimates.rateRange(
                        new Quantity(1 / step.warmLatency(), Dimensions.FREQUENCY, "tok/s"), step),
                    step));
  }

  /**
   * A {@code phase} or {@code tokens} the caller gave the model (a value other than its default) is
   * refused: these functions set both themselves (each phase in turn, one new token a step), so
   * {@code decode_rate(llama_2_7b(tokens = 8), …)} would otherwise answer for one token, silently.
   */
  private static void refuseSetItself(
      Evaluator ev, TypedExpr.Call e, Model m, ModelProfile profile) {
    Map<String, Object> defaults =
        ev.engine().model(profile, Map.of(), ev.source(), e.span()).parameters();
    for (String param : SET_ITSELF) {
      Object given = m.parameters().get(param);
      if (given != null && !given.equals(defaults.get(param))) {
        String name = e.function().key();
        throw ev.fail(
            DiagnosticCode.BAD_VALUE,
            name + " sets the model's " + param + " itself, found " + m.label(),
            e.arg(Params.MODEL).span(),
            "leave "
                + param
                + " out: "
                + name
                + (name.equals("ttft")
                    ? " is the prefill of the context plus one decode step of one token"
                    : " is one decode step of one token over the context")
                + "; latency("
                + m.label()
                + ", …) costs that step as written");
      }
    }
  }

  /** The parameters ttft and decode_rate set themselves. */
  private static final List<String> SET_ITSELF = List.of(DecoderWindow.PHASE, DecoderWindow.TOKENS);

  /** The call's model, which must be a decoder: a zoo model with phase and context parameters. */
  private static Model decoder(Evaluator ev, TypedExpr.Call e) {
    TypedExpr arg = e.arg(Params.MODEL);
    Value v = ev.eval(arg);
    String name = e.function().key();
    if (v instanceof Value.ModelV mv && DecoderWindow.isDecoder(mv.model().parameters())) {
      return mv.model();
    }
    String found =
        v instanceof Value.ModelV mv ? mv.model().label() + ", which has no phase" : "a pipeline";
    throw ev.fail(
        DiagnosticCode.TYPE_MISMATCH,
        name + " needs a decoder model, found " + found,
        arg.span(),
        "decoder models have phase and context parameters (llama_3_8b, qwen3_0_6b, opt_1_3b);"
            + " use latency for other models");
  }

  /**
   * The model rebuilt in one phase over its own context (one new token when decoding), with the
   * format its transforms gave it.
   */
  private static Model phase(Evaluator ev, TypedExpr.Call e, Model m, String phase) {
    ModelProfile profile = ev.engine().kb().models().get(m.id());
    refuseSetItself(ev, e, m, profile);
    Map<String, Object> params = new LinkedHashMap<>(m.parameters());
    params.put(DecoderWindow.PHASE, phase);
    // a decode step adds one token; a prefill's new tokens are its whole context (DecoderWindow)
    Object tokens = DecoderWindow.DECODE.equals(phase) ? 1.0 : params.get(DecoderWindow.CONTEXT);
    params.computeIfPresent(DecoderWindow.TOKENS, (k, v) -> tokens);
    try {
      return ev.engine()
          .model(profile, params, ev.source(), e.span())
          .withFormat(m.format(), m.label());
    } catch (ArithmeticException overflow) {
      throw Instances.tooLarge(ev, e.span());
    }
  }
}
