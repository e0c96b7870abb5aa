package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The prediction for a {@link Pipeline}: each model's own estimate, and the schedule that runs them
 * on the target's compute units.
 *
 * @param stages one estimate per model, in {@link Pipeline#models()} order
 * @param schedule when each run of consecutive layers of a stage holds its compute unit
 * @param warmLatency one pass from the first input to the last output: the schedule's makespan, and
 *     never less than the time the shared DRAM needs for every stage's traffic
 * @param period time per pass when passes stream back to back and a unit takes up the next pass as
 *     soon as it is free: the busiest unit's time, or the DRAM's when that is longer
 */
public record PipelineEstimate(
    Pipeline pipeline,
    Target target,
    Conditions conditions,
    List<Prediction> stages,
    List<Slot> schedule,
    double warmLatency,
    double period)
    implements Breakdown {
  public PipelineEstimate {
    stages = List.copyOf(stages);
    schedule = List.copyOf(schedule);
  }

  /**
   * One run of consecutive layers of a stage on one unit.
   *
   * @param firstLayer index of the first layer of the run in its model
   * @param waited time the run was ready but its unit was busy with another stage
   */
  public record Slot(
      int stage,
      ComputeUnit unit,
      int firstLayer,
      int lastLayer,
      double start,
      double end,
      double waited) {}

  public String label() {
    return pipeline.label();
  }

  /** One pass from the start: a cold or first start loads every model first. */
  @Override
  public double latency() {
    return warmLatency + (conditions.start().loads() ? loadTime() : 0);
  }

  /** Work is the same whether stages overlap or not. */
  public double energy() {
    return stages.stream().mapToDouble(Prediction::energy).sum();
  }

  /** Every model stays loaded. */
  public double memoryBytes() {
    return stages.stream().mapToDouble(Prediction::memoryBytes).sum();
  }

  /** Models load one after another. */
  @Override
  public double loadTime() {
    return stages.stream().mapToDouble(Prediction::loadTime).sum();
  }

  /** Busy time per compute unit over all stages. */
  public Map<ComputeUnit, Double> timePerUnit() {
    Map<ComputeUnit, Double> out = new EnumMap<>(ComputeUnit.class);
    for (Slot s : schedule) {
      out.merge(s.unit(), s.end() - s.start(), Double::sum);
    }
    return out;
  }

  /** Time stages spent waiting for a unit another stage held. */
  public double waited() {
    return schedule.stream().mapToDouble(Slot::waited).sum();
  }
}
