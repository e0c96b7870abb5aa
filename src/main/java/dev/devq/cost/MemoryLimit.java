package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import java.util.Optional;

/**
 * The memory one prediction may use on its target, and the one rule of when a model cannot run
 * there: its memory (what {@code memory()} answers for the same arguments: weights at their stored
 * precision, activations, KV cache and the runtime's overhead) above this limit.
 *
 * <p>On a device the limit is the most the OS lets one app use: {@code app_memory_limit_entitled}
 * (with the increased-memory-limit entitlement) where a source gives it, else {@code
 * app_memory_limit} (iOS's jetsam limit, a Mac's RAM). llama.cpp on Metal keeps every buffer in GPU
 * memory, which macOS bounds by the recommended working set ({@code gpu_working_set}, {@code
 * MTLDevice.recommendedMaxWorkingSetSize}), so there the smaller of the two applies. A bare SoC
 * named as a target has no RAM of its own and never refuses on memory.
 *
 * @param bytes the limit, or positive infinity when nothing bounds the prediction
 * @param field the device field the limit comes from ({@code app_memory_limit}, {@code
 *     app_memory_limit_entitled} or {@code gpu_working_set}), empty without a limit
 * @param entitledUnknown the limit is an iPhone's or iPad's default one because no source gives its
 *     limit with the entitlement ({@link dev.devq.kb.Device#entitledLimitUnknown}); a refusal
 *     clears it when the model needs more than the device's RAM, where no entitlement could help
 */
public record MemoryLimit(double bytes, String field, boolean entitledUnknown) {
  /** The limit of a bare SoC: none. */
  public static final MemoryLimit NONE = new MemoryLimit(Double.POSITIVE_INFINITY, "", false);

  public static final String APP = "app_memory_limit";
  public static final String ENTITLED = "app_memory_limit_entitled";
  public static final String GPU = "gpu_working_set";

  /**
   * The limit of a prediction with {@code c} on {@code target}.
   *
   * <p>{@code MemoryLimit.of(iphone12, conditions)} is its app memory limit, 2.1 GB.
   */
  public static MemoryLimit of(Target target, Conditions c) {
    boolean device = target.label().equals(target.device().id());
    if (!device) {
      return NONE;
    }
    // the most an app may use: with the increased-memory-limit entitlement where a source gives
    // that limit, as on-device LLM apps declare it (the ExecuTorch demo app ran Llama 2 7B at 4
    // bits,
    // 3.84 GB, on an iPhone 15 Pro, whose default limit is 3 GB and entitled limit 6 GB)
    double entitled = target.device().appMemoryLimitEntitled().value().value();
    double app = target.device().appMemoryLimit().value().value();
    MemoryLimit limit =
        !Double.isNaN(entitled)
            ? new MemoryLimit(entitled, ENTITLED, false)
            : Double.isNaN(app)
                ? NONE
                : new MemoryLimit(app, APP, target.device().entitledLimitUnknown());
    if (c.runtime() == Runtime.LLAMA_CPP && RuntimeCost.unit(c) == ComputeUnit.GPU) {
      double set = target.device().gpuWorkingSet().value().value();
      if (set < limit.bytes()) {
        limit = new MemoryLimit(set, GPU, false);
      }
    }
    return limit;
  }

  /** Whether {@code needed} bytes fit: a model exactly at the limit runs. */
  public boolean admits(double needed) {
    return !(needed > bytes);
  }

  /**
   * Why an estimate cannot run on its target, or empty when it fits: the one check every estimate
   * function, {@code explain} and the renderers ask.
   */
  public static Optional<CannotRun> refusal(Breakdown b) {
    MemoryLimit limit = of(b.target(), b.conditions());
    if (limit.admits(b.memoryBytes())) {
      return Optional.empty();
    }
    // no entitlement lifts the limit past the device's RAM, so there the unknown limit cannot
    // matter; an unknown RAM (NaN) keeps the words
    if (limit.entitledUnknown() && b.memoryBytes() > b.target().device().ram().value().value()) {
      limit = new MemoryLimit(limit.bytes(), limit.field(), false);
    }
    return Optional.of(
        new CannotRun.Memory(
            b.label(), b.target().label(), b.target().device().name(), b.memoryBytes(), limit));
  }
}
