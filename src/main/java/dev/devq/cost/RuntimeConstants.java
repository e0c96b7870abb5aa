package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted constants of the runtimes beside Core ML, named {@code RUNTIME.KIND.UNIT[.CLASS]}
 * ({@code llama_cpp.eff.gpu.matmul}), with the fitter's starting point and bounds. They live in
 * {@code calibration/runtimes.yaml}, apart from Core ML's {@code fit.yaml}, because they are fitted
 * on other measurements ({@code calibration-runtimes.csv}).
 *
 * <ul>
 *   <li>{@code eff.UNIT.matmul} and {@code eff.UNIT.other}: fraction of the unit's peak that matrix
 *       work (linear, convolution, attention) and the rest reach; ExecuTorch also tells convolution
 *       and depthwise apart, as XNNPACK's kernels for them differ most;
 *   <li>{@code bw_eff.UNIT}: fraction of DRAM bandwidth that streaming weights and the KV cache
 *       reach (what bounds decode);
 *   <li>{@code overhead.UNIT}: per-op dispatch (a Metal kernel launch, a ggml or XNNPACK op);
 *   <li>{@code dequant.SCHEME}: compute-time multiplier of a layer whose weights llama.cpp
 *       dequantizes in its kernels (1 = free);
 *   <li>{@code int8}: ExecuTorch's int8 rate over its fp32 rate on the same op;
 *   <li>{@code fixed}: per-call overhead (graph build and synchronisation).
 * </ul>
 */
public final class RuntimeConstants {
  /** The GGUF schemes llama.cpp charges dequantization for. */
  static final List<String> SCHEMES = List.of("q4_0", "q8_0", "q4_k_m");

  /** The units each runtime runs on: llama.cpp on the GPU (Metal) or CPU, ExecuTorch on the CPU. */
  private static final Map<Runtime, List<ComputeUnit>> UNITS =
      Map.of(
          Runtime.LLAMA_CPP, List.of(ComputeUnit.GPU, ComputeUnit.CPU),
          Runtime.EXECUTORCH, List.of(ComputeUnit.CPU));

  /** Starting point of the fit and value of a constant no measurement constrains. */
  public static final Map<String, Double> NEUTRAL = Map.copyOf(table(0));

  private static final Map<String, double[]> BOUNDS = bounds();

  private RuntimeConstants() {}

  /** The constants of the runtimes among {@code runtimes} with their bounds, for the fit. */
  public static Map<String, double[]> parameters(java.util.Set<Runtime> runtimes) {
    Map<String, double[]> out = new LinkedHashMap<>();
    BOUNDS.forEach(
        (name, b) -> {
          if (runtimes.contains(runtimeOf(name))) {
            out.put(name, b.clone());
          }
        });
    return out;
  }

  /** {@link #NEUTRAL}, computed afresh: safe to call while either class is still initialising. */
  static Map<String, Double> neutralValues() {
    return table(0);
  }

  /** Whether a constant belongs to a runtime beside Core ML. */
  public static boolean isRuntimeConstant(String name) {
    return runtimeOf(name) != null;
  }

  private static Runtime runtimeOf(String name) {
    int dot = name.indexOf('.');
    Runtime r = dot < 0 ? null : Runtime.parse(name.substring(0, dot));
    return r == Runtime.COREML ? null : r;
  }

  /**
   * Neutral values ({@code column} 0) or lower and upper bounds (1 and 2) of every constant, so the
   * three stay side by side.
   */
  private static Map<String, Double> table(int column) {
    Map<String, Double> v = new LinkedHashMap<>();
    String l = Runtime.LLAMA_CPP.key() + ".";
    for (ComputeUnit u : UNITS.get(Runtime.LLAMA_CPP)) {
      put(v, column, l + "eff." + u.key() + ".matmul", 0.5, 0.05, 1.0);
      put(v, column, l + "eff." + u.key() + ".other", 0.1, 0.005, 1.0);
      put(v, column, l + "bw_eff." + u.key(), 0.7, 0.2, 1.0);
      put(v, column, l + "overhead." + u.key(), 10e-6, 1e-7, 2e-4);
    }
    for (String scheme : SCHEMES) {
      put(v, column, l + "dequant." + scheme, 1.1, 1.0, 4.0);
    }
    put(v, column, l + "fixed", 1e-3, 1e-6, 50e-3);
    String e = Runtime.EXECUTORCH.key() + ".";
    for (String cls : Coefficients.CLASSES) {
      put(v, column, e + "eff.cpu." + cls, cls.equals("other") ? 0.05 : 0.3, 0.005, 1.0);
    }
    put(v, column, e + "int8", 1.5, 0.5, 4.0);
    put(v, column, e + "bw_eff.cpu", 0.6, 0.2, 1.0);
    put(v, column, e + "overhead.cpu", 5e-6, 1e-7, 2e-4);
    put(v, column, e + "fixed", 0.5e-3, 1e-6, 20e-3);
    return v;
  }

  private static void put(
      Map<String, Double> v, int column, String name, double neutral, double low, double high) {
    v.put(name, column == 0 ? neutral : column == 1 ? low : high);
  }

  private static Map<String, double[]> bounds() {
    Map<String, Double> low = table(1);
    Map<String, Double> high = table(2);
    Map<String, double[]> out = new LinkedHashMap<>();
    low.forEach((name, lo) -> out.put(name, new double[] {lo, high.get(name)}));
    return out;
  }

  /**
   * The timer constants of a runtime on one unit for a model's weight format: efficiency per op
   * class (GGUF dequantization slows the classes that hold weights), bandwidth efficiency and
   * per-op overhead; the activation-cache constants are the memory system's, shared with Core ML.
   */
  static LayerTimer.Constants timer(
      Coefficients k, Runtime runtime, ComputeUnit unit, String scheme, boolean int8) {
    String p = runtime.key() + ".";
    ComputeUnit[] units = ComputeUnit.values();
    double[][] efficiency = new double[units.length][Coefficients.CLASSES.size()];
    double[] overhead = new double[units.length];
    double dequant =
        runtime == Runtime.LLAMA_CPP && SCHEMES.contains(scheme)
            ? k.get(p + "dequant." + scheme)
            : 1;
    double int8Rate = runtime == Runtime.EXECUTORCH && int8 ? k.get(p + "int8") : 1;
    for (int c = 0; c < Coefficients.CLASSES.size(); c++) {
      String cls = Coefficients.CLASSES.get(c);
      boolean weights = !cls.equals("other");
      String name =
          runtime == Runtime.EXECUTORCH
              ? p + "eff." + unit.key() + "." + cls
              : p + "eff." + unit.key() + (weights ? ".matmul" : ".other");
      efficiency[unit.ordinal()][c] = k.get(name) * int8Rate / (weights ? dequant : 1);
    }
    overhead[unit.ordinal()] = k.get(p + "overhead." + unit.key());
    return new LayerTimer.Constants(
        efficiency,
        overhead,
        k.get(p + "bw_eff." + unit.key()),
        k.get("slc_activation_share"),
        k.get("act_bw_factor"),
        0, // no switches and no segment dispatch: every layer runs on one unit
        new double[ComputeUnit.values().length],
        Double.NaN, // nor the Neural Engine's vector path: no runtime runs on the engine
        false); // the runtimes' constants were fitted with batch norms charged as layers
  }
}
