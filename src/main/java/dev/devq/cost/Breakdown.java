package dev.devq.cost;

/**
 * A prediction that {@code explain} can show: one model's {@link Estimate} or a pipeline's {@link
 * PipelineEstimate}. Times in seconds, memory in bytes, energy in joules.
 */
public sealed interface Breakdown permits Estimate, PipelineEstimate {
  Target target();

  Conditions conditions();

  /** {@code mobilenet_v2} or {@code par(mobilenet_v2, resnet50)}. */
  String label();

  /** Time of one pass with everything loaded. */
  double warmLatency();

  /** Energy of one pass. */
  double energy();

  double memoryBytes();
}
