package dev.devq.cost;

import dev.devq.model.Model;
import java.util.List;

/**
 * What a prediction's memory is made of: the weights, the peak of live activations for the batch,
 * the KV cache (and a second copy of it when it is kept as inputs and outputs, {@link
 * CacheCopies}), and the runtime's own memory. The cost model makes these parts once; the total,
 * the memory check's breakdown and {@code explain} (text and JSON) all read them, and the last
 * three list them from {@link #shown}, so they cannot disagree.
 *
 * @param weights the weights at their stored precision
 * @param activations the peak of live activations, times the batch
 * @param kvCache the KV cache as the model holds it
 * @param cacheCopy the cache a second time while a call has it both as input and as output (a
 *     release before Core ML's states), else 0
 * @param runtime the runtime's own memory ({@code runtime_memory_overhead})
 */
public record MemoryParts(
    double weights, double activations, double kvCache, double cacheCopy, double runtime) {
  /** The parts of {@code model} run with {@code batch}, its cache kept as {@code copies} says. */
  static MemoryParts of(
      Model model,
      double weightBytes,
      double stateBytes,
      int batch,
      CacheCopies copies,
      double runtime) {
    return new MemoryParts(
        weightBytes, model.peakActivationBytes() * batch, stateBytes, copies.bytes(), runtime);
  }

  /** The KV cache with its second copy, as {@code explain} and a memory check show it. */
  public double kvCacheTotal() {
    return kvCache + cacheCopy;
  }

  /**
   * One part as readers show it: its name in text ({@code KV cache}), its key in JSON ({@code
   * kv_cache}) and its bytes.
   */
  public record Shown(String label, String key, double bytes) {}

  /**
   * The parts every reader lists, in order: they add up to {@link #total}, the KV cache with its
   * second copy ({@link #kvCacheTotal}).
   */
  public List<Shown> shown() {
    return List.of(
        new Shown("weights", "weights", weights),
        new Shown("activations", "activations", activations),
        new Shown("KV cache", "kv_cache", kvCacheTotal()),
        new Shown("runtime overhead", "runtime_overhead", runtime));
  }

  /** Every part: the memory compared with the device's app memory limit. */
  public double total() {
    // in this order, so every prediction's figure is the one it was before the parts were kept
    return weights + activations + kvCache + runtime + cacheCopy;
  }
}
