package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.model.Layer;

/**
 * The cost of one layer on the unit placement chose, in seconds and bytes: its roofline, then its
 * output stage, then its dispatch.
 *
 * @param outputTime a convolution's output stage on the Neural Engine (bias, activation and
 *     write-out through the vector path), paid after its roofline; 0 elsewhere
 * @param fold how it folds into the layer before it, which ran on the same unit (batch norm and
 *     activations after a convolution; on the Neural Engine also an activation after an
 *     element-wise layer), and so what of it is charged; a layer placed after a switch pays its own
 *     time and does not fold
 * @param fallback placed off the unit Core ML prefers because that unit cannot run it
 * @param reason why the layer runs where it does, e.g. {@code gather: no Neural Engine support}
 * @param segment index of the run of consecutive layers on one unit this layer belongs to, from 0:
 *     Core ML's partition of the graph, which a switch between units ends
 */
public record LayerCost(
    Layer layer,
    ComputeUnit unit,
    double computeTime,
    double memoryTime,
    double outputTime,
    double overhead,
    double dramBytes,
    Fold fold,
    boolean fallback,
    String reason,
    int segment) {
  /** Whether the layer folds into the layer before it: no data or dispatch of its own. */
  public boolean folded() {
    return fold != Fold.NONE;
  }

  public double time() {
    return time(computeTime, memoryTime, outputTime, overhead);
  }

  /**
   * A layer's time from its parts: the roofline, then the output stage, then the dispatch. The one
   * formula; placement's table ({@link LayerTimer#ownTime}) prices units with it before any record
   * exists.
   */
  static double time(double computeTime, double memoryTime, double outputTime, double overhead) {
    return Math.max(computeTime, memoryTime) + outputTime + overhead;
  }

  public Bound bound() {
    if (overhead > Math.max(computeTime, memoryTime) + outputTime) {
      return Bound.OVERHEAD;
    }
    // the larger of the layer's arithmetic (its roofline's, or its output stage's on the vector
    // path, which runs after it) and its data movement names what bounds it
    return Math.max(computeTime, outputTime) >= memoryTime ? Bound.COMPUTE : Bound.MEMORY;
  }

  /**
   * Whether the layer is {@link Bound#COMPUTE} because of its output stage on the Neural Engine
   * rather than its roofline's arithmetic: the output stage is arithmetic on the vector path, so it
   * counts as compute, and a reader of the bound is told which compute it was.
   */
  public boolean outputStageBound() {
    return bound() == Bound.COMPUTE && outputTime > computeTime;
  }
}
