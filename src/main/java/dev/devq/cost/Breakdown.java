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

  /**
   * Time to make the models ready under the conditions' start: reading weights and setting up
   * layers, plus compiling for the device on a first launch. A warm start is costed as a cold one,
   * so {@code load_time} of a warm model says what loading it would take.
   */
  double loadTime();

  /** The latency a caller sees: the warm latency plus the load when the start loads the model. */
  default double latency() {
    return warmLatency() + (conditions().start().loads() ? loadTime() : 0);
  }

  /** Energy of one pass. */
  double energy();

  double memoryBytes();
}
