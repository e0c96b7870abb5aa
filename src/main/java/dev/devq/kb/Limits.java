package dev.devq.kb;

import java.util.List;
import java.util.Map;

/**
 * Shape limits of an operator on one compute unit, checked by placement. Zero means "no limit"; an
 * empty {@code scaleFactors} allows any factor; {@code axis} and {@code broadcast} are {@code any}
 * when unconstrained. {@code sources} names the source of each limit by its profile key ({@code
 * max_kernel → hollance_issue2}): a limit holds only inside that source's {@link TestedRange}
 * ({@link SupportRule#limitHolds}).
 */
public record Limits(
    int maxKernel,
    int maxStride,
    int maxDilation,
    int maxRank,
    long maxDim,
    List<Integer> scaleFactors,
    String axis,
    String broadcast,
    Map<String, String> sources) {
  public static final Limits NONE = new Limits(0, 0, 0, 0, 0, List.of(), "any", "any", Map.of());

  public Limits {
    scaleFactors = List.copyOf(scaleFactors);
    sources = Map.copyOf(sources);
  }

  /** The source id of the limit written under {@code key} ({@code max_kernel}), or empty. */
  public String sourceOf(String key) {
    return sources.getOrDefault(key, "");
  }

  public boolean isNone() {
    return maxKernel == 0
        && maxStride == 0
        && maxDilation == 0
        && maxRank == 0
        && maxDim == 0
        && scaleFactors.isEmpty()
        && "any".equals(axis)
        && "any".equals(broadcast);
  }

  /** {@code max_kernel 13, max_stride 2}: the limits as written in profiles. */
  public String describe() {
    var parts = new java.util.ArrayList<String>();
    if (maxKernel > 0) {
      parts.add("kernel ≤ " + maxKernel);
    }
    if (maxStride > 0) {
      parts.add("stride ≤ " + maxStride);
    }
    if (maxDilation > 0) {
      parts.add("dilation ≤ " + maxDilation);
    }
    if (maxRank > 0) {
      parts.add("rank ≤ " + maxRank);
    }
    if (maxDim > 0) {
      parts.add("dims ≤ " + maxDim);
    }
    if (!scaleFactors.isEmpty()) {
      parts.add("scale factors " + scaleFactors);
    }
    if (!"any".equals(axis)) {
      parts.add("axis: " + axis);
    }
    if (!"any".equals(broadcast)) {
      parts.add("broadcast: " + broadcast.replace('_', ' '));
    }
    return String.join(", ", parts);
  }
}
