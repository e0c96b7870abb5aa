package dev.devq.cost;

/**
 * How a layer that folds into the layer before it (a batch norm or activation after a convolution
 * or matmul; on the Neural Engine also an activation after an element-wise layer) is charged, where
 * placement took the fold ({@link LayerTimer#folded}). Only a layer the fold leaves costing nothing
 * is fused in the sense a reader takes it; on the CPU and the GPU the fold saves its data and
 * dispatch but its element-wise work is still charged.
 */
public enum Fold {
  /** Not folded: the layer pays its own roofline, data and dispatch. */
  NONE("none"),
  /** Folded on the CPU or the GPU: its compute is charged, no data moved, no dispatch. */
  COMPUTE_ONLY("compute_only"),
  /** On the Neural Engine, in a convolution's chain: paid in that convolution's output stage. */
  OUTPUT_STAGE("output_stage"),
  /** On the Neural Engine after an element-wise layer: paid in that layer's vector-path pass. */
  VECTOR_PASS("vector_pass"),
  /**
   * A batch norm the converter folded into the convolution before it: no layer of the compiled
   * model, on any unit.
   */
  WEIGHTS("weights");

  private final String key;

  Fold(String key) {
    this.key = key;
  }

  /** The name JSON gives it: {@code none}, {@code compute_only}, … */
  public String key() {
    return key;
  }

  /** Whether the fold leaves the layer no time of its own. */
  public boolean free() {
    return this == OUTPUT_STAGE || this == VECTOR_PASS || this == WEIGHTS;
  }
}
