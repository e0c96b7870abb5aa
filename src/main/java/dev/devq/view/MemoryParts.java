package dev.devq.view;

import dev.devq.cost.Prediction;

/**
 * What a prediction's memory is made of, so that {@code explain} can show parts that add up to its
 * total: the weights, the peak of live activations for the batch, the KV cache, and the runtime's
 * own memory, which is what the total holds beyond the model's three.
 */
record MemoryParts(
    double total, double weights, double activations, double kvCache, double runtime) {
  static MemoryParts of(Prediction est) {
    double weights = est.model().weightBytes();
    double activations = est.model().peakActivationBytes() * est.conditions().batch();
    // a cache kept as inputs and outputs is live twice during a call: the input and the output
    double kvCache = est.model().stateBytes() + est.cacheCopies().bytes();
    double total = est.memoryBytes();
    return new MemoryParts(
        total, weights, activations, kvCache, total - weights - activations - kvCache);
  }

  /** {@code 16.3 GB: weights 16.1 GB + activations 1.05 MB + KV cache 268 MB + runtime 50 MB}. */
  String text() {
    return ExplainTable.bytes(total)
        + ": weights "
        + ExplainTable.bytes(weights)
        + " + activations "
        + ExplainTable.bytes(activations)
        + " + KV cache "
        + ExplainTable.bytes(kvCache)
        + " + runtime overhead "
        + ExplainTable.bytes(runtime);
  }
}
