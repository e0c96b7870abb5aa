package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.lang.Remembered;
import dev.devq.model.Model;
import dev.devq.model.NumericFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predicts what running a model on a target costs: latency per layer (roofline with placement over
 * the allowed compute units), peak memory, energy per prediction and load time.
 *
 * <p>Immutable and thread-safe; all coefficients come from the knowledge base's calibration and
 * constants, so {@code devq calibrate} changes predictions without touching code.
 */
public final class CostModel {
  private final KnowledgeBase kb;
  private final Coefficients coefficients;
  private final FactsCache facts;
  private final LayerTimer.Constants constants;
  private final RuntimeCost runtimes;
  private final Converter converter;

  /**
   * The calibration's 80% range by {@link UnitSet} ordinal, looked up once rather than per call.
   */
  private final double[] rangeLow;

  private final double[] rangeHigh;

  /** The energy rule under these coefficients, shared with the runtimes. */
  private final UnitEnergy energy;

  /**
   * The constants every prediction reads ({@code fixed}, {@code runtime_memory_overhead}, and load
   * time's three), looked up by name once per cost model rather than per prediction.
   */
  private final double fixed;

  private final double runtimeMemory;
  private final LoadTime load;

  /**
   * The data movement of recent (model, SoC, batch, OS factor) pairs: a sweep over thermal states
   * and unit settings, or over models and targets, meets each pair once per condition. Bounded, so
   * the memory of a sweep stays flat; per cost model, since it reads this model's coefficients.
   */
  private final Remembered<Moves, DataMovement> movements = new Remembered<>(MOVEMENTS);

  private static final int MOVEMENTS = 256;

  public CostModel(KnowledgeBase kb) {
    this(kb, Coefficients.from(kb));
  }

  public CostModel(KnowledgeBase kb, Coefficients coefficients) {
    this(kb, coefficients, new FactsCache(kb));
  }

  private CostModel(KnowledgeBase kb, Coefficients coefficients, FactsCache facts) {
    this.kb = kb;
    this.coefficients = coefficients;
    this.facts = facts;
    this.constants = LayerTimer.Constants.of(coefficients);
    this.energy = new UnitEnergy(coefficients);
    this.runtimes = new RuntimeCost(kb, coefficients, facts, energy);
    this.converter = new Converter(kb);
    this.fixed = coefficients.get("fixed");
    this.runtimeMemory = coefficients.get("runtime_memory_overhead");
    this.load = new LoadTime(kb, coefficients);
    UnitSet[] sets = UnitSet.values();
    this.rangeLow = new double[sets.length];
    this.rangeHigh = new double[sets.length];
    var calibration = kb.calibration();
    for (UnitSet u : sets) {
      rangeLow[u.ordinal()] = range(u, "p10", calibration.residualLow());
      rangeHigh[u.ordinal()] = range(u, "p90", calibration.residualHigh());
    }
  }

  public Coefficients coefficients() {
    return coefficients;
  }

  /**
   * The highest rate a unit of {@code soc} reaches on a model of {@code format}, in FLOP/s before
   * the thermal factor (its matrix rate where it has one), or NaN when the profile lacks it: the
   * roof a roofline chart draws, read here so the chart and the timer share one definition.
   */
  public double peak(Soc soc, ComputeUnit unit, NumericFormat format) {
    return UnitRates.matrixPeak(soc, unit, format);
  }

  /**
   * The DRAM bandwidth a unit of {@code soc} reaches before the fitted efficiency, in B/s: the
   * bandwidth a roofline chart draws a unit's slope with, shared with the timer.
   */
  public double bandwidth(Soc soc, ComputeUnit unit) {
    return UnitRates.bandwidth(soc, unit);
  }

  /** A model re-costed with other coefficients, as the calibration fit explores them. */
  public CostModel with(Map<String, Double> overrides) {
    return new CostModel(kb, coefficients.with(overrides), facts);
  }

  public Prediction estimate(Model model, Target target, Conditions conditions) {
    return estimate(model, target, conditions, null);
  }

  /**
   * The prediction as it was on an older release, for measurements made there: {@code measuredOn},
   * or null for the release the conditions name ({@code os = "iOS 16"}), today's when they name
   * none. A macOS release takes the per-release constants of its iOS counterpart ({@link
   * OsVersion#iosMajor}: macOS 13's Core ML is iOS 16's). A release the calibration has a factor
   * for ({@code os13.ane_factor}) scales the Neural Engine's data movement, which its compiler of
   * that time produced; one it has a per-layer cost for ({@code os13.overhead.gpu}) charges it on
   * the GPU's layers, and one with a Neural Engine dispatch of its own ({@code os16.ane_dispatch})
   * charges that per engine segment.
   */
  public Prediction estimate(
      Model asked, Target target, Conditions conditions, OsVersion measuredOn) {
    if (conditions.runtime() != Runtime.COREML) {
      return runtimes.estimate(asked, target, conditions);
    }
    ForRelease release = release(target, conditions, measuredOn);
    LayerFacts layers = facts.of(asked);
    // the release decides a fused attention's build and a KV cache's copies as it does dispatch
    CacheCopies copies = converter.cacheCopies(layers, release.version(), coefficients);
    if (!layers.fusedAttention) {
      return coreml(asked, layers, List.of(), copies, target, conditions, release);
    }
    Converter.Built built = converter.build(asked, release.version());
    Model model = built.model();
    return coreml(model, facts.of(model), built.lowerings(), copies, target, conditions, release);
  }

  /**
   * The release a prediction is for, the one every release-dependent cost reads (the converter's
   * build, a KV cache's copies, the dispatch and per-release constants): the one it was measured
   * on, else the one the conditions name, else the last a device stopped at (an iPhone X's iOS 16);
   * null for the current release.
   *
   * @param named whether the release was measured or named rather than assumed, which decides
   *     whether the top of the range reaches an older release ({@link #unnamedRelease})
   */
  private record ForRelease(OsVersion version, boolean named) {
    /** The iOS (or iPadOS) major, which the calibration's per-release constants are keyed by. */
    int iosMajor() {
      return CostModel.iosMajor(version);
    }

    /**
     * The release op support is read under ({@link dev.devq.kb.SupportRule#verdict}): the one
     * measured or named, else null, which the support rule reads as the newest the target runs.
     */
    OsVersion forSupport() {
      return named ? version : null;
    }
  }

  /** {@link ForRelease} of a prediction; {@code measuredOn} is null for none. */
  private ForRelease release(Target target, Conditions conditions, OsVersion measuredOn) {
    if (measuredOn != null) {
      return new ForRelease(measuredOn, true);
    }
    if (conditions.os() != null) {
      return new ForRelease(conditions.os(), true);
    }
    return new ForRelease(releases(target).last, false);
  }

  /** A Core ML prediction of {@code model} as the converter built it ({@link Converter}). */
  private Prediction coreml(
      Model model,
      LayerFacts layers,
      List<Lowering> lowerings,
      CacheCopies copies,
      Target target,
      Conditions conditions,
      ForRelease release) {
    int osMajor = release.iosMajor();
    Soc soc = target.soc();
    double thermal = ThermalFactor.of(soc, target.device().formFactor(), conditions.thermal());
    double aneFactor =
        osMajor <= 0 ? 1 : coefficients.values().getOrDefault("os" + osMajor + ".ane_factor", 1.0);
    int batch = conditions.batch();
    DataMovement moves =
        movements.get(
            new Moves(layers, soc, batch, aneFactor),
            key ->
                new DataMovement(
                    layers, constants, soc, model, batch, aneFactor, ComputeUnit.values()));
    var timer =
        new LayerTimer(
            layers,
            constants.on(soc, osMajor, coefficients),
            soc,
            model,
            batch,
            thermal,
            moves,
            true);
    ComputeUnit[] units = Placement.preferenceOrder(conditions.units());
    Placement.Result placed = Placement.place(kb, soc, release.forSupport(), layers, units, timer);
    // the copies run on the unit placement gave the cache's layers, at the bandwidth it reaches
    CacheCopies timed = copies.at(soc, placed.layers(), coefficients);
    // a cache passed in and out is live twice during a call: the input and the updated output
    MemoryParts memory =
        MemoryParts.of(
            model,
            layers.totalWeightBytes,
            layers.stateBytes,
            conditions.batch(),
            timed,
            runtimeMemory);
    double gpuAllowed =
        conditions.units().allows(ComputeUnit.GPU) ? coefficients.gpuAllowed(osMajor) : 0;
    double fixedTime = fixed + gpuAllowed + placed.dispatchTime() + timed.time();
    double warm = Prediction.warmTime(placed.times(), placed.switchTime(), fixedTime);
    // the range of the units the chip lets the setting use, not of the setting asked
    int setting = UnitSet.effective(conditions.units(), target.soc()).ordinal();
    double extra = release.named() ? 0 : unnamedRelease(target, placed.engineSegments());
    double high =
        extra > 0 && warm > 0 && Double.isFinite(warm)
            ? rangeHigh[setting] * (warm + extra) / warm
            : rangeHigh[setting];
    return new Prediction(
        model,
        target,
        conditions,
        placed.layers(),
        placed.switches(),
        placed.switchTime(),
        fixedTime,
        thermal,
        load.of(
            model, layers.totalWeightBytes, target, conditions.start().compiles(), placed.layers()),
        memory,
        energy.parts(soc, placed.layers(), placed.times(), timed, thermal),
        rangeLow[setting],
        high,
        rangeHigh[setting],
        warm,
        lowerings,
        timed,
        null);
  }

  /**
   * What a prediction that names no release leaves open, for the top of its range: it is for the
   * newest release, but an iPhone or iPad that shipped with iOS 16 or earlier may still run iOS 16,
   * whose Neural Engine segments the calibration finds {@code os16.ane_dispatch} each to enter, so
   * the range reaches that far. 0 where a release is named or measured, for a Mac, for a chip whose
   * devices all shipped with iOS 17 or later, and for a prediction off the Neural Engine.
   */
  private double unnamedRelease(Target target, int engineSegments) {
    if (engineSegments == 0 || !releases(target).mayRunOlder) {
      return 0;
    }
    // predicted on a release after iOS 16 (mayRunOlder), whose dispatch is today's
    double today = coefficients.segmentDispatch(ComputeUnit.ANE, 0);
    double then = coefficients.segmentDispatch(ComputeUnit.ANE, OLDER_RELEASE);
    return engineSegments * Math.max(0, then - today);
  }

  /**
   * What a target's releases decide for a prediction that names none: the release it stopped at
   * (null for one on the current release), and whether it may run the older release whose dispatch
   * the range reaches ({@link #unnamedRelease}).
   */
  private record Releases(OsVersion last, boolean mayRunOlder) {}

  /** A target's SoC and device by identity: what {@link Releases} depends on. */
  private record Where(Soc soc, dev.devq.kb.Device device) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Where other && other.soc == soc && other.device == device;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(soc) * 31 + System.identityHashCode(device);
    }
  }

  // worked out once per target: parsing a device's release line costs more than a prediction's
  // arithmetic, and a sweep asks for the same few targets thousands of times
  private final Remembered<Where, Releases> releases = new Remembered<>(MOVEMENTS);

  private Releases releases(Target target) {
    return releases.get(
        new Where(target.soc(), target.device()),
        key -> {
          OsVersion last = target.release(null);
          boolean older =
              target.platform().equals("ios")
                  && (last == null || last.major() > OLDER_RELEASE)
                  && kb.firstOs(target.soc(), "ios").orElse(Integer.MAX_VALUE) <= OLDER_RELEASE;
          return new Releases(last, older);
        });
  }

  /** The older release a prediction naming none may run on ({@link #unnamedRelease}). */
  static final int OLDER_RELEASE = 16;

  /** The iOS (or iPadOS) major release {@code os} names; 0 for another platform or none. */
  private static int iosMajor(OsVersion os) {
    return os == null ? 0 : os.iosMajor();
  }

  /**
   * What a {@link DataMovement} depends on: the model's facts and the SoC by identity (both
   * immutable; comparing by value would walk them), the batch and the OS's Neural Engine factor.
   */
  private record Moves(LayerFacts facts, Soc soc, int batch, double aneFactor) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Moves other
          && other.facts == facts
          && other.soc == soc
          && other.batch == batch
          && Double.compare(other.aneFactor, aneFactor) == 0;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(facts) * 31 + System.identityHashCode(soc)) * 31 + batch;
    }
  }

  /**
   * The held-out residual quantile of a compute-unit setting ({@code range.all.p10}), or the pooled
   * one when the calibration has none for it.
   */
  private double range(UnitSet units, String quantile, double pooled) {
    Double v = coefficients.values().get(rangeKey(units, quantile));
    return v == null ? pooled : v;
  }

  /** The calibration's name for a setting's range quantile: {@code range.all.p10}. */
  private static String rangeKey(UnitSet units, String quantile) {
    return "range." + units.key() + "." + quantile;
  }

  /** Every range quantile a Core ML prediction reads from the calibration. */
  public static Set<String> rangeKeys() {
    Set<String> keys = new HashSet<>();
    for (UnitSet u : UnitSet.values()) {
      keys.add(rangeKey(u, "p10"));
      keys.add(rangeKey(u, "p90"));
    }
    return keys;
  }

  /**
   * A pipeline: every model estimated on its own (placement per model), then scheduled on the
   * target's units ({@link Scheduler}).
   */
  public PipelineEstimate estimate(Pipeline pipeline, Target target, Conditions conditions) {
    List<Prediction> stages =
        pipeline.models().stream().map(m -> estimate(m, target, conditions)).toList();
    return Scheduler.schedule(pipeline, target, conditions, stages);
  }
}
