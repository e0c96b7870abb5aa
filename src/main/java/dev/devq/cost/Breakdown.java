package dev.devq.cost;

/**
 * A prediction that {@code explain} can show: one model's {@link Prediction} or a pipeline's {@link
 * PipelineEstimate}. Times in seconds, memory in bytes, energy in joules.
 */
public sealed interface Breakdown permits Prediction, PipelineEstimate {
  Target target();

  Conditions conditions();

  /** {@code mobilenet_v2} or {@code par(mobilenet_v2, resnet50)}. */
  String label();

  /** Time of one pass from the conditions' start: a cold or first start includes loading. */
  double latency();

  /** Time of one pass with everything loaded. */
  double warmLatency();

  /** Energy of one pass. */
  double energy();

  double memoryBytes();

  /** Loading before the first pass (with the first-launch compile when the start asks for it). */
  double loadTime();
}
