package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.model.Model;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prediction for one model on one target under one set of conditions: the latency with its
 * per-layer breakdown, and the memory, energy and load time that go with it. All in base units
 * (seconds, bytes, joules). Every reader (query functions, {@code explain}, validation and
 * calibration) takes its figures from here, so they cannot disagree.
 *
 * @param load time to load the model before the first prediction: storage read and per-layer setup,
 *     plus the uncached compile when the start is {@link Start#FIRST}, with the read's range where
 *     the device's read speed is generic and the compile's own range
 * @param switches number of hand-overs between compute units
 * @param switchTime time spent in those hand-overs (synchronisation plus tensor copies)
 * @param fixedTime per-prediction overhead plus the dispatch of every Neural Engine segment, and
 *     the copies of a KV cache kept as inputs and outputs
 * @param rangeLow multiplier of the latency at the low end of the 80% range of the calibration
 * @param rangeHigh multiplier at the high end, of the latency and of the energy alike
 * @param calibratedRangeHigh the calibration's multiplier at the high end, before {@code rangeHigh}
 *     reaches further for a release the prediction does not name ({@link #rangeAllowsFor})
 * @param warmLatency latency of a warm prediction: every layer's time plus the switches and the
 *     fixed time, summed once where the prediction is made, since a sweep or a cached hole reads it
 *     for every target on every ask
 * @param lowerings the fused ops costed as the converter lowers them for the prediction's release
 *     ({@link Converter}); {@code model} is then the model as so built
 * @param energyParts the energy of one prediction and what it is made of
 * @param memory what the memory is made of ({@link #memoryBytes()} is its total)
 * @param cacheCopies the copies of a KV cache kept as inputs and outputs, for a release before Core
 *     ML's states; their time is part of {@code fixedTime}
 * @param outOfScope why the prediction has no 80% range although a fit is in force: its runtime's
 *     rows never measured a model of its kind ({@link OutOfScope}), and both range factors are 1;
 *     null when it has one or no fit gives one
 */
public record Prediction(
    Model model,
    Target target,
    Conditions conditions,
    List<LayerCost> layers,
    int switches,
    double switchTime,
    double fixedTime,
    double thermalFactor,
    Load load,
    MemoryParts memory,
    EnergyParts energyParts,
    double rangeLow,
    double rangeHigh,
    double calibratedRangeHigh,
    double warmLatency,
    List<Lowering> lowerings,
    CacheCopies cacheCopies,
    OutOfScope outOfScope)
    implements Breakdown {
  public Prediction {
    layers = List.copyOf(layers);
    lowerings = List.copyOf(lowerings);
  }

  /** A prediction whose warm latency is summed from its parts: how the cost models make one. */
  public Prediction(
      Model model,
      Target target,
      Conditions conditions,
      List<LayerCost> layers,
      int switches,
      double switchTime,
      double fixedTime,
      double thermalFactor,
      Load load,
      MemoryParts memory,
      EnergyParts energyParts,
      double rangeLow,
      double rangeHigh,
      List<Lowering> lowerings,
      CacheCopies cacheCopies,
      OutOfScope outOfScope) {
    this(
        model,
        target,
        conditions,
        layers,
        switches,
        switchTime,
        fixedTime,
        thermalFactor,
        load,
        memory,
        energyParts,
        rangeLow,
        rangeHigh,
        rangeHigh,
        warmTime(layers, switchTime, fixedTime),
        lowerings,
        cacheCopies,
        outOfScope);
  }

  /**
   * Why the prediction has no 80% range although a fit is in force ({@link OutOfScope}); empty when
   * it has one, or when no fit gives one.
   */
  public Optional<OutOfScope> rangeOutOfScope() {
    return Optional.ofNullable(outOfScope);
  }

  // DoubleStream.sum's compensated (Kahan) sum as Java 17 computes it, the same figures to the last
  // bit, written as a loop: C1, which the launcher runs, compiles a stream's pipeline into calls.
  private static double warmTime(List<LayerCost> layers, double switchTime, double fixedTime) {
    double[] times = new double[layers.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = layers.get(i).time();
    }
    return warmTime(times, switchTime, fixedTime);
  }

  /**
   * The warm latency of layers whose times ({@link LayerCost#time}, in order) the caller has at
   * hand, as placement has them: the total a prediction made from its parts gets.
   */
  static double warmTime(double[] times, double switchTime, double fixedTime) {
    double sum = 0;
    double compensation = 0;
    double simple = 0;
    for (int i = 0; i < times.length; i++) {
      double time = times[i];
      double corrected = time - compensation;
      double next = sum + corrected;
      compensation = (next - sum) - corrected;
      sum = next;
      simple += time;
    }
    double total = sum - compensation;
    // as the stream does: an infinite part makes the compensated sum NaN, the simple one keeps it
    double layerTime = Double.isNaN(total) && Double.isInfinite(simple) ? simple : total;
    return layerTime + switchTime + fixedTime;
  }

  /** The setting whose 80% range this prediction reads ({@link UnitSet#effective}). */
  public UnitSet rangeSetting() {
    return UnitSet.effective(conditions.units(), target.soc());
  }

  public String label() {
    return model.label();
  }

  /** The memory of one prediction, in bytes: the total of {@link #memory}'s parts. */
  @Override
  public double memoryBytes() {
    return memory.total();
  }

  /** Energy of one prediction, in joules ({@link #energyParts} says what it is made of). */
  @Override
  public double energy() {
    return energyParts.total();
  }

  /** Latency of one prediction from its start: a cold or first start adds the load time. */
  @Override
  public double latency() {
    return warmLatency() + (conditions.start().loads() ? load.time() : 0);
  }

  /**
   * Whether the calibration gives this prediction an 80% range: a fit in force sets its ends apart
   * from the prediction; without one both factors are 1, and no reader shows a range.
   */
  public boolean hasRange() {
    return rangeLow != 1 || rangeHigh != 1;
  }

  /**
   * An end of the 80% range of a latency of which {@code warm} is the warm prediction: the range
   * comes from the residuals of the calibration, which were measured on warm predictions, so its
   * {@code factor} spreads the warm part and leaves the rest (the load time) as it is. The one
   * definition of a range's ends: {@link #latencyLow}, {@link #latencyHigh} and a validated row's
   * ends read it.
   */
  public static double rangeEnd(double latency, double warm, double factor) {
    return latency + warm * (factor - 1);
  }

  /**
   * Low end of the 80% range of {@link #latency()} ({@link #rangeEnd}), a load's ranged parts (a
   * generic storage read, a first launch's compile) at the low ends of their own ranges ({@link
   * Load}).
   */
  public double latencyLow() {
    return rangeEnd(latency(), warmLatency(), rangeLow) + loadLowShift();
  }

  /**
   * High end of the 80% range of {@link #latency()}, the load's ranged parts at their high ends.
   */
  public double latencyHigh() {
    return rangeEnd(latency(), warmLatency(), rangeHigh) + loadHighShift();
  }

  /** Time to load the model before the first prediction ({@link Load#time}). */
  @Override
  public double loadTime() {
    return load.time();
  }

  /**
   * How far the load's ranged parts at the low ends of their ranges move the latency ({@link
   * Load#low}): 0 for a warm start. A validated row's range adds it to the calibration's spread.
   */
  public double loadLowShift() {
    return loadedShift(load.low());
  }

  /** How far the load's ranged parts at their high ends move the latency ({@link Load#high}). */
  public double loadHighShift() {
    return loadedShift(load.high());
  }

  /** How far a load at {@code end} of its range moves the latency: none unless the start loads. */
  private double loadedShift(double end) {
    return conditions.start().loads() ? end - load.time() : 0;
  }

  /**
   * The older release the top of the latency's 80% range allows for: a prediction that names no
   * release, on a device that shipped with iOS 16 or earlier, may run on iOS 16, where entering the
   * Neural Engine costs more, and its high end reaches that far (past {@code calibratedRangeHigh}).
   * Empty when the release is named or measured, or the range does not reach.
   *
   * <pre>{@code
   * latency(mobilenet_v2, iphone_12)                   // iOS 16
   * latency(mobilenet_v2, iphone_12, os = "iOS 18")    // empty
   * }</pre>
   */
  public Optional<dev.devq.kb.OsVersion> rangeAllowsFor() {
    return rangeHigh > calibratedRangeHigh
        ? Optional.of(new dev.devq.kb.OsVersion("ios", CostModel.OLDER_RELEASE))
        : Optional.empty();
  }

  /**
   * Energy at the low end of the 80% range: devq puts a prediction's error in its time, which the
   * energy shares, so the energy takes the latency's range, the same factors at both ends (power,
   * their ratio, does not move), the unnamed release's reach at the top included.
   */
  public double energyLow() {
    return energy() * rangeLow;
  }

  /** Energy at the high end of the 80% range (see {@link #energyLow()}). */
  public double energyHigh() {
    return energy() * rangeHigh;
  }

  /**
   * A run of consecutive layers on one unit: how Core ML partitions the graph, comparable with
   * Xcode's performance report or {@code MLComputePlan}.
   */
  public record Segment(int id, ComputeUnit unit, String first, String last, int layers) {}

  /** The segments in order; a switch between units ends one. */
  public List<Segment> segments() {
    List<Segment> out = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 1; i <= layers.size(); i++) {
      if (i == layers.size() || layers.get(i).segment() != layers.get(start).segment()) {
        LayerCost a = layers.get(start);
        out.add(
            new Segment(
                a.segment(),
                a.unit(),
                a.layer().name(),
                layers.get(i - 1).layer().name(),
                i - start));
        start = i;
      }
    }
    return out;
  }

  /** Busy time per compute unit. */
  public Map<ComputeUnit, Double> timePerUnit() {
    Map<ComputeUnit, Double> out = new EnumMap<>(ComputeUnit.class);
    for (LayerCost c : layers) {
      out.merge(c.unit(), c.time(), Double::sum);
    }
    return out;
  }

  /** Time per bound (compute, memory, overhead). */
  public Map<Bound, Double> timePerBound() {
    Map<Bound, Double> out = new EnumMap<>(Bound.class);
    for (LayerCost c : layers) {
      out.merge(c.bound(), c.time(), Double::sum);
    }
    return out;
  }

  /** Layers that run off the preferred unit because it cannot run them. */
  public List<LayerCost> fallbacks() {
    return layers.stream().filter(LayerCost::fallback).toList();
  }

  public double dramBytes() {
    return layers.stream().mapToDouble(LayerCost::dramBytes).sum();
  }
}
