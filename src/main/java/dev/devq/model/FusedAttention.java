package dev.devq.model;

import dev.devq.kb.ModelProfile;
import java.util.Set;

/**
 * The fused attention op and the build without it. Core ML's PyTorch converter emits {@code
 * scaled_dot_product_attention} only for a deployment target that has the op; for an older one it
 * emits the query's scaling, Q·Kᵀ, the mask, softmax and ·V instead ({@link Attention#lowered}).
 * The cost model asks for that build when a prediction's OS release predates the op, so each of
 * those layers is placed and costed on its own.
 *
 * <pre>{@code
 * FusedAttention.lowered(profile, qwen3, kb.ops().keySet())
 *     // attention_1.sdpa becomes attention_1.sdpa.scale, .qk, .mask, .softmax and .av
 * }</pre>
 */
public final class FusedAttention {
  /** The fused op's catalog id. */
  public static final String OP = Attention.FUSED;

  private FusedAttention() {}

  /**
   * {@code model} built again from {@code profile} (its description) with the same parameters,
   * format and label, each {@code attention: {impl: sdpa}} lowered. A fused layer written out
   * ({@code explicit:}) has no shapes to lower from and stays as it is.
   *
   * @throws IllegalArgumentException when the profile does not build with the model's parameters
   *     (it is not the model's own)
   */
  public static Model lowered(ModelProfile profile, Model model, Set<String> catalogOps) {
    ModelBuilder.Result built = ModelBuilder.build(profile, model.parameters(), catalogOps, false);
    if (!built.ok()) {
      throw new IllegalArgumentException(
          "model '" + model.id() + "' does not build from profile '" + profile.id() + "'");
    }
    return built.model().withFormat(model.format(), model.label());
  }
}
