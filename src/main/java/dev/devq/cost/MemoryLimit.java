package dev.devq.cost;

import dev.devq.kb.ComputeUnit;

/**
 * The memory a prediction's runtime may use on its target. llama.cpp on Metal keeps every buffer in
 * GPU memory, which macOS bounds by the device's recommended working set ({@code gpu_working_set},
 * {@code MTLDevice.recommendedMaxWorkingSetSize}); a model beyond it does not run at GPU speed.
 * Other runtimes and units have no limit here (iOS's app limit is a check the user writes: {@code
 * memory(m, d) < d.app_memory_limit}).
 */
public final class MemoryLimit {
  private MemoryLimit() {}

  /**
   * Bytes, or positive infinity when nothing bounds the runtime on this target.
   *
   * <p>{@code MemoryLimit.of(target, conditions.withRuntime(Runtime.LLAMA_CPP))} is the GPU working
   * set of a Mac.
   */
  public static double of(Target target, Conditions c) {
    boolean device = target.label().equals(target.device().id());
    if (!device || c.runtime() != Runtime.LLAMA_CPP || RuntimeCost.unit(c) != ComputeUnit.GPU) {
      return Double.POSITIVE_INFINITY;
    }
    double set = target.device().gpuWorkingSet().value().value();
    return Double.isNaN(set) ? Double.POSITIVE_INFINITY : set;
  }
}
