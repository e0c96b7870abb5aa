package dev.devq.cost;

import dev.devq.kb.Calibration;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.NamedQuantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers the cost model multiplies by: fitted efficiencies and fixed costs from the
 * calibration profile, and physical constants from {@code constants.yaml}. A missing fitted value
 * takes {@link #NEUTRAL} (the fitter's starting point) so an uncalibrated knowledge base still
 * predicts, and {@code devq validate} shows how far off that is.
 */
public record Coefficients(Map<String, Double> values) {
  /** Efficiency classes the fit distinguishes; other op classes share {@code other}. */
  public static final List<String> CLASSES = List.of("conv", "depthwise", "matmul", "other");

  /**
   * Constants no calibration row can pin, taken from the one named instead of fitted: in every row
   * the Neural Engine's and the GPU's depthwise convolutions are memory-bound at any efficiency the
   * fit could give them, and no Core ML row runs a matrix product on the GPU. Both units run these
   * on the engine that runs their convolutions (the Neural Engine's convolution cores; the GPU's
   * convolutions and matrix products lower to the same matrix kernels), so they take its
   * efficiency: an upper figure that matters only where such a layer becomes compute-bound.
   *
   * <p>The CPU's matrix products take its convolutions' efficiency for the same reason (BNNS runs
   * both as GEMMs on the matrix unit): once the GPU runs Apple's Llama 3.1 rows, no row times one.
   *
   * <p>The GPU's per-layer cost on today's OS takes the CPU's: the CPU does the dispatch work of
   * every layer either unit runs (a BNNS call, or a Metal kernel encoded into the command buffer),
   * and one source alone times the GPU on today's OS (Apple's Llama 3.1 article), which cannot both
   * pin the figure and check it held out. The iPhone 11 Pro's GPU rows of iOS 13 pay their own
   * ({@code os13.overhead.gpu}).
   */
  public static final Map<String, String> TIED =
      Map.of(
          "eff.ane.depthwise", "eff.ane.conv",
          "eff.gpu.depthwise", "eff.gpu.conv",
          "eff.gpu.matmul", "eff.gpu.conv",
          "eff.cpu.matmul", "eff.cpu.conv",
          "overhead.gpu", "overhead.cpu");

  /**
   * The P-core clock the per-layer costs ({@code overhead.cpu}, {@code os13.overhead.gpu}) are
   * written for; a SoC's own clock scales them ({@code LayerTimer.Constants#on}).
   */
  public static final double DISPATCH_CLOCK_HZ = 3e9;

  /** The fitter's starting point: a plausible middle of the range for each kind of constant. */
  public static final Map<String, Double> NEUTRAL = neutral();

  public Coefficients {
    values = Map.copyOf(values);
  }

  public static Coefficients from(KnowledgeBase kb) {
    Map<String, Double> v = new LinkedHashMap<>(NEUTRAL);
    Calibration c = kb.calibration();
    v.putAll(c.constants());
    v.putAll(kb.runtimeCalibration().constants());
    for (NamedQuantity q : kb.constants().values()) {
      v.put(q.id(), q.value().value().value());
    }
    return new Coefficients(v);
  }

  public Coefficients with(Map<String, Double> overrides) {
    Map<String, Double> v = new LinkedHashMap<>(values);
    v.putAll(overrides);
    return new Coefficients(v);
  }

  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("cost-model constant '" + name + "' is not defined");
    }
    return v;
  }

  /** Fraction of peak a unit reaches on an op class. */
  public double efficiency(ComputeUnit unit, String opClass) {
    String name = "eff." + unit.key() + "." + CLASSES.get(classIndex(opClass));
    return get(TIED.getOrDefault(name, name));
  }

  /**
   * The position of an op class in {@link #CLASSES}; classes the fit does not distinguish are
   * {@code other}.
   */
  public static int classIndex(String opClass) {
    int i = CLASSES.indexOf(opClass);
    return i >= 0 ? i : CLASSES.size() - 1;
  }

  /**
   * Per-layer dispatch cost. The Neural Engine runs a whole segment as one compiled program, so it
   * pays per segment ({@code ane_dispatch}) and nothing per layer; the CPU and GPU dispatch every
   * layer (a kernel launch or a BNNS call).
   */
  public double layerOverhead(ComputeUnit unit) {
    return layerOverhead(unit, 0);
  }

  /**
   * Per-layer dispatch cost as it was on iOS {@code osMajor} (0: today's), for measurements made
   * there or a prediction that names the release: a release the calibration has its own figure for
   * ({@code os13.overhead.gpu}: Core ML 3's GPU path, a benchmark app of that time) takes it, any
   * other today's, as with {@code os13.ane_factor}.
   */
  public double layerOverhead(ComputeUnit unit, int osMajor) {
    if (unit == ComputeUnit.ANE) {
      return 0;
    }
    String name = "overhead." + unit.key();
    Double then = osMajor > 0 ? values.get("os" + osMajor + "." + name) : null;
    return then != null ? then : get(TIED.getOrDefault(name, name));
  }

  /**
   * What entering a segment on {@code unit} cost on iOS {@code osMajor} (0: today's): on the Neural
   * Engine a compiled program's dispatch, {@code ane_dispatch}, nothing on the CPU or the GPU,
   * whose layers pay a dispatch each. On an older release the engine's takes the figure of the
   * first release from it on that the calibration has one for ({@code os16.ane_dispatch} for iOS
   * 14, 15 and 16, {@code os13.ane_dispatch} for iOS 13 and before): submitting work got faster
   * release by release, so a release between two measured ones is taken to be no faster than the
   * later.
   */
  public double segmentDispatch(ComputeUnit unit, int osMajor) {
    if (unit != ComputeUnit.ANE) {
      return 0;
    }
    return olderFigure("ane_dispatch", osMajor, get("ane_dispatch"));
  }

  /**
   * A per-prediction cost of asking for the GPU on iOS {@code osMajor} ({@code os13.gpu_allowed}
   * for iOS 13 and before), or 0 where the calibration has none: Core ML 3 paid it whenever the GPU
   * was allowed, whichever units then ran the layers (below).
   */
  public double gpuAllowed(int osMajor) {
    return olderFigure("gpu_allowed", osMajor, 0);
  }

  /** The first of {@code os<N>.<name>} from {@code osMajor} on, else {@code today}. */
  private double olderFigure(String name, int osMajor, double today) {
    for (int release = osMajor; osMajor > 0 && release <= NEWEST_OLDER_FIGURE; release++) {
      Double then = values.get("os" + release + "." + name);
      if (then != null) {
        return then;
      }
    }
    return today;
  }

  /** The newest release a constant of an older release may be written for ({@code os16.…}). */
  private static final int NEWEST_OLDER_FIGURE = 30;

  private static Map<String, Double> neutral() {
    Map<String, Double> v = new LinkedHashMap<>(CoreMlConstants.neutral());
    // the table, not RuntimeConstants.NEUTRAL: that field is still null when RuntimeConstants,
    // loaded first, brings this class in
    v.putAll(RuntimeConstants.neutralValues());
    return v;
  }
}
