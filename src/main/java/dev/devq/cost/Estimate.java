package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.model.Model;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The prediction for one model on one target under one set of conditions: the latency with its
 * per-layer breakdown, and the memory, energy and load time that go with it. All in base units
 * (seconds, bytes, joules).
 *
 * @param switches number of hand-overs between compute units
 * @param switchTime time spent in those hand-overs (synchronisation plus tensor copies)
 * @param fixedTime per-prediction overhead
 * @param rangeLow multiplier of the latency at the low end of the 80% range of the calibration
 * @param rangeHigh multiplier at the high end
 */
public record Estimate(
    Model model,
    Target target,
    Conditions conditions,
    List<LayerCost> layers,
    int switches,
    double switchTime,
    double fixedTime,
    double thermalFactor,
    double loadTime,
    double memoryBytes,
    double energy,
    double rangeLow,
    double rangeHigh)
    implements Breakdown {
  public Estimate {
    layers = List.copyOf(layers);
  }

  public String label() {
    return model.label();
  }

  public double warmLatency() {
    return layers.stream().mapToDouble(LayerCost::time).sum() + switchTime + fixedTime;
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
