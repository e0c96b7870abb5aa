package dev.devq.query.check;

import dev.devq.lang.unit.Dimensions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-in functions of the language, by name. */
public final class Functions {
  private static final Map<String, Signature> ALL = build();

  private Functions() {}

  public static Signature get(String name) {
    return ALL.get(name);
  }

  public static Map<String, Signature> all() {
    return ALL;
  }

  /** The functions whose first arguments are a model and a target. */
  public static boolean isEstimate(String name) {
    Signature s = ALL.get(name);
    return s != null
        && s.params().size() >= 2
        && s.params().get(0).kind() == ParamKind.MODEL
        && s.params().get(1).kind() == ParamKind.TARGET;
  }

  /** {@code seq} and {@code par}: any number of models or pipelines, checked by {@code Calls}. */
  public static boolean isPipeline(String name) {
    return "seq".equals(name) || "par".equals(name);
  }

  private static Map<String, Signature> build() {
    Map<String, Signature> m = new LinkedHashMap<>();
    estimate(m, "latency", Type.quantity(Dimensions.TIME), "time of one prediction");
    estimate(m, "fps", Type.quantity(Dimensions.FREQUENCY), "predictions per second, back to back");
    estimate(
        m,
        "memory",
        Type.quantity(Dimensions.BYTES),
        "peak memory: weights, live activations, KV cache, runtime");
    estimate(m, "energy", Type.quantity(Dimensions.ENERGY), "energy of one prediction");
    estimate(
        m, "power", Type.quantity(Dimensions.POWER), "average power while predicting back to back");
    estimate(
        m,
        "load_time",
        Type.quantity(Dimensions.TIME),
        "time to load (start = cold) or first-launch compile and load (start = first)");
    estimate(
        m, "placement", new Type.Record("placement"), "the compute unit of every layer and why");
    estimate(
        m,
        "fallbacks",
        new Type.ListOf(new Type.Record("layer")),
        "layers that left the preferred compute unit, with reasons");
    estimate(m, "explain", new Type.Record("explain"), "per-layer breakdown of an estimate");
    // battery(m, d, 30fps, 1h): the duty cycle comes right after the target, the conditions after
    // it
    List<Signature.Param> battery = new ArrayList<>(estimateParams());
    battery.add(2, new Signature.Param("rate", ParamKind.FREQUENCY, "30fps"));
    battery.add(3, new Signature.Param("duration", ParamKind.TIME, "1h"));
    put(
        m,
        new Signature(
            "battery",
            battery,
            Type.quantity(Dimensions.NONE),
            "share of the device battery a duty cycle uses (rate × duration predictions)"));
    put(
        m,
        new Signature(
            "seq",
            List.of(p("models", ParamKind.MODEL)),
            Type.PIPELINE,
            "models run one after another on one target: seq(a, b, …)"));
    put(
        m,
        new Signature(
            "par",
            List.of(p("models", ParamKind.MODEL)),
            Type.PIPELINE,
            "models run at once on one target; models sharing a compute unit queue on it: par(a, b, …)"));
    put(
        m,
        new Signature(
            "size",
            List.of(p("model", ParamKind.MODEL)),
            Type.quantity(Dimensions.BYTES),
            "stored weight bytes at the model's precision and compression"));
    put(
        m,
        new Signature(
            "frame",
            List.of(p("rate", ParamKind.FREQUENCY)),
            Type.quantity(Dimensions.TIME),
            "the time of one frame at a rate: frame(30fps) = 33.3 ms"));
    put(
        m,
        new Signature(
            "budget",
            List.of(p("name", ParamKind.TEXT)),
            Type.ANY,
            "a named rule of thumb of budgets.yaml"));
    put(
        m,
        new Signature(
            "after",
            List.of(p("duration", ParamKind.TIME)),
            new Type.Symbol("thermal"),
            "the thermal condition after a time of continuous load"));
    put(
        m,
        new Signature(
            "precision",
            List.of(p("model", ParamKind.MODEL), p("precision", ParamKind.PRECISION)),
            Type.MODEL,
            "the model stored and computed in fp16 or fp32"));
    put(
        m,
        new Signature(
            "quantize",
            List.of(p("model", ParamKind.MODEL), p("mode", ParamKind.MODE)),
            Type.MODEL,
            "int8 weights (w8), int8 weights and activations (w8a8), int4 per-block weights (w4)"
                + " or the GGUF block formats q4_0, q8_0 and q4_k_m"));
    put(
        m,
        new Signature(
            "palettize",
            List.of(p("model", ParamKind.MODEL), p("bits", ParamKind.COUNT)),
            Type.MODEL,
            "weights as indices into a table of 2^bits values (1 to 8 bits)"));
    put(
        m,
        new Signature(
            "prune",
            List.of(p("model", ParamKind.MODEL), p("sparsity", ParamKind.PERCENT)),
            Type.MODEL,
            "that share of weights zero, stored sparsely"));
    put(
        m,
        new Signature(
            "supported",
            List.of(
                p("op", ParamKind.OP),
                p("target", ParamKind.TARGET),
                new Signature.Param("unit", ParamKind.UNIT, "ane")),
            Type.BOOL,
            "whether a compute unit of the target runs the op"));
    put(
        m,
        new Signature(
            "support",
            List.of(p("op", ParamKind.OP)),
            new Type.Record("support"),
            "the op's support per compute unit, with limits and notes"));
    put(
        m,
        new Signature(
            "search",
            List.of(p("query", ParamKind.TEXT)),
            new Type.ListOf(new Type.Entity("op")),
            "ops matching keywords, best first"));
    put(
        m,
        new Signature(
            "info",
            List.of(p("entity", ParamKind.ENTITY)),
            new Type.Record("info"),
            "every field of an entity with its source"));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static List<Signature.Param> estimateParams() {
    return List.of(
        p("model", ParamKind.MODEL),
        p("target", ParamKind.TARGET),
        new Signature.Param("state", ParamKind.THERMAL, "nominal"),
        new Signature.Param("units", ParamKind.UNITS, "all"),
        new Signature.Param("batch", ParamKind.COUNT, "1"),
        new Signature.Param("start", ParamKind.START, "warm"),
        new Signature.Param("runtime", ParamKind.RUNTIME, "coreml"));
  }

  private static void estimate(Map<String, Signature> m, String name, Type result, String help) {
    put(m, new Signature(name, estimateParams(), result, help));
  }

  private static Signature.Param p(String name, ParamKind kind) {
    return new Signature.Param(name, kind, "");
  }

  private static void put(Map<String, Signature> m, Signature s) {
    m.put(s.name(), s);
  }
}
