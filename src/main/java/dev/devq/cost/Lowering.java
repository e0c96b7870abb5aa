package dev.devq.cost;

import dev.devq.kb.OsVersion;
import dev.devq.model.Layer;
import java.util.List;

/**
 * A fused op a prediction costed as Core ML's converter emits it for a release that predates the
 * op: {@code layers} layers of {@code op}, each replaced by ops of its own ({@code
 * attention_1.sdpa} by {@code attention_1.sdpa.scale}, {@code .qk}, …). {@code explain} shows it as
 * a note, so a user sees why those layers are there.
 *
 * @param op the fused op's id ({@code scaled_dot_product_attention})
 * @param layers how many layers of it the model has, each lowered
 * @param replaced the first of them ({@code attention_1.sdpa})
 * @param by the layers that replace it, in order
 * @param release the release the prediction is for ({@code iOS 16})
 * @param since the op's first release in the catalog ({@code iOS 18 / macOS 15})
 * @param source the source of the converter's rule
 */
public record Lowering(
    String op,
    int layers,
    String replaced,
    List<Layer> by,
    OsVersion release,
    String since,
    String source) {
  public Lowering {
    by = List.copyOf(by);
  }
}
