package dev.devq.query.check;

import dev.devq.lang.unit.Dimensions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The built-in functions: each constant is one function's whole definition for the checker (name,
 * parameters with defaults, result type, help). The evaluator implements each in one exhaustive
 * {@code switch} over this enum, so a constant without an implementation does not compile. Adding a
 * function is a constant here and a case there; adding a condition of every estimate function is a
 * parameter of {@link Params#estimate()}.
 *
 * <pre>{@code
 * Builtin.named("latency").signature().usage()
 * // latency(model, target, state = nominal, units = all, batch = 1, start = warm, …)
 * }</pre>
 */
public enum Builtin {
  LATENCY(estimate("latency", Type.quantity(Dimensions.TIME), "time of one prediction")),
  FPS(estimate("fps", Type.frameRate(), "predictions per second, back to back")),
  MEMORY(
      estimate(
          "memory",
          Type.quantity(Dimensions.BYTES),
          "peak memory: weights, live activations, KV cache, runtime")),
  ENERGY(estimate("energy", Type.quantity(Dimensions.ENERGY), "energy of one prediction")),
  POWER(
      estimate(
          "power", Type.quantity(Dimensions.POWER), "average power while predicting back to back")),
  LOAD_TIME(
      estimate(
          "load_time",
          Type.quantity(Dimensions.TIME),
          "time to load (start = cold) or first-launch compile and load (start = first)")),
  TTFT(
      estimate(
          "ttft",
          Type.quantity(Dimensions.TIME),
          "time to first token of a decoder model: prefill of its context as the prompt, then one"
              + " decode step")),
  DECODE_RATE(
      estimate(
          "decode_rate",
          Type.tokenRate(),
          "tokens per second a decoder model generates over its context (tok/s)")),
  PLACEMENT(
      estimate(
          "placement", new Type.Record("placement"), "the compute unit of every layer and why")),
  FALLBACKS(
      estimate(
          "fallbacks",
          new Type.ListOf(new Type.Record("layer")),
          "layers that left the preferred compute unit, with reasons")),
  EXPLAIN(estimate("explain", new Type.Record("explain"), "per-layer breakdown of an estimate")),
  BATTERY(
      new Signature(
          "battery",
          battery(),
          Type.quantity(Dimensions.NONE),
          "share of the device battery a duty cycle uses (rate × duration predictions)")),
  SEQ(
      new Signature(
          "seq",
          List.of(p("models", ParamKind.MODEL)),
          Type.PIPELINE,
          "models run one after another on one target: seq(a, b, …)")),
  PAR(
      new Signature(
          "par",
          List.of(p("models", ParamKind.MODEL)),
          Type.PIPELINE,
          "models run at once on one target; models sharing a compute unit queue on it: par(a, b, …)")),
  MIN(
      new Signature(
          "min",
          List.of(p("values", ParamKind.QUANTITY)),
          Type.ANY,
          "the smallest of quantities of one dimension: min(a, b, …)")),
  MAX(
      new Signature(
          "max",
          List.of(p("values", ParamKind.QUANTITY)),
          Type.ANY,
          "the largest of quantities of one dimension: max(a, b, …)")),
  SIZE(
      new Signature(
          "size",
          List.of(p("model", ParamKind.MODEL)),
          Type.quantity(Dimensions.BYTES),
          "stored weight bytes at the model's precision and compression")),
  FRAME(
      new Signature(
          "frame",
          List.of(p("rate", ParamKind.FREQUENCY)),
          Type.quantity(Dimensions.TIME),
          "the time of one frame at a rate: frame(30fps) = 33.3 ms")),
  BUDGET(
      new Signature(
          "budget",
          List.of(p("name", ParamKind.TEXT)),
          Type.ANY,
          "a named rule of thumb of budgets.yaml")),
  AFTER(
      new Signature(
          "after",
          List.of(p("duration", ParamKind.TIME)),
          new Type.Symbol(ParamKind.THERMAL),
          "the thermal condition after a time of continuous load")),
  PRECISION(
      new Signature(
          "precision",
          List.of(p("model", ParamKind.MODEL), p("precision", ParamKind.PRECISION)),
          Type.MODEL,
          "the model stored and computed in fp16 or fp32")),
  QUANTIZE(
      new Signature(
          "quantize",
          List.of(p("model", ParamKind.MODEL), p("mode", ParamKind.MODE)),
          Type.MODEL,
          "int8 weights (w8), int8 weights and activations (w8a8), int4 per-block weights (w4)"
              + " or the GGUF block formats q4_0, q8_0 and q4_k_m")),
  PALETTIZE(
      new Signature(
          "palettize",
          List.of(p("model", ParamKind.MODEL), p("bits", ParamKind.COUNT)),
          Type.MODEL,
          "weights as indices into a table of 2^bits values (1 to 8 bits)")),
  PRUNE(
      new Signature(
          "prune",
          List.of(p("model", ParamKind.MODEL), p("sparsity", ParamKind.PERCENT)),
          Type.MODEL,
          "that share of weights zero, stored sparsely")),
  SUPPORTED(
      new Signature(
          "supported",
          List.of(Params.OP, Params.TARGET, Params.UNIT, Params.OS),
          Type.BOOL,
          "whether a compute unit of the target runs the op (under an OS release)")),
  SUPPORT(
      new Signature(
          "support",
          List.of(p("op", ParamKind.OP)),
          new Type.Record("support"),
          "the op's support per compute unit, with limits and notes")),
  SEARCH(
      new Signature(
          "search",
          List.of(p("query", ParamKind.TEXT)),
          new Type.ListOf(new Type.Entity("op")),
          "ops matching keywords, best first")),
  INFO(
      new Signature(
          "info",
          List.of(p("entity", ParamKind.ENTITY)),
          new Type.Record("info"),
          "every field of an entity with its source"));

  private static final Map<String, Builtin> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Builtin::key, Function.identity()));

  private final Signature signature;

  Builtin(Signature signature) {
    this.signature = signature;
  }

  public Signature signature() {
    return signature;
  }

  /** The name queries call it by: {@code latency}, {@code load_time}. */
  public String key() {
    return signature.name();
  }

  /** The function called {@code name}, or null. */
  public static Builtin named(String name) {
    return BY_NAME.get(name);
  }

  /** Whether the first arguments are a model (or pipeline) and a target: {@code latency}, … */
  public boolean isEstimate() {
    List<Signature.Param> ps = signature.params();
    return ps.size() >= 2 && is(ps.get(0), Params.MODEL) && is(ps.get(1), Params.TARGET);
  }

  /**
   * Whether its model argument may also be a pipeline ({@code seq(…)}, {@code par(…)}): the
   * estimate functions, and {@code seq} and {@code par} themselves.
   */
  public boolean takesPipelines() {
    return isEstimate() || this == SEQ || this == PAR;
  }

  /** Identity first, as in {@link #position}: the signatures share {@link Params}' constants. */
  private static boolean is(Signature.Param p, Signature.Param shared) {
    return p == shared || p.equals(shared);
  }

  /** {@code seq}, {@code par}, {@code min}, {@code max}: any number of arguments by position. */
  public boolean isVariadic() {
    return this == SEQ || this == PAR || this == MIN || this == MAX;
  }

  /**
   * The position of a parameter among this function's arguments, or -1. The evaluator asks for
   * every argument of every prediction, always with the shared constants of {@link Params}, so
   * identity is tried first: a record's {@code equals} per parameter was most of a cached
   * prediction's cost.
   */
  public int position(Signature.Param param) {
    List<Signature.Param> ps = signature.params();
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i) == param) {
        return i;
      }
    }
    return ps.indexOf(param);
  }

  private static Signature estimate(String name, Type result, String help) {
    return new Signature(name, Params.estimate(), result, help);
  }

  private static List<Signature.Param> battery() {
    List<Signature.Param> params = new ArrayList<>(Params.estimate());
    params.add(2, Params.RATE);
    params.add(3, Params.DURATION);
    return params;
  }

  private static Signature.Param p(String name, ParamKind kind) {
    return new Signature.Param(name, kind, "");
  }
}
