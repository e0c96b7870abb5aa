package dev.devq.model;

import static dev.devq.model.ModelLimits.mul;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps between an image-shaped tensor and a token sequence, as a converter emits them:
 *
 * <ul>
 *   <li>{@code to_tokens}: {@code [C, H, W]} → {@code [H·W, C]}, PyTorch's {@code
 *       x.flatten(2).transpose(1, 2)}: a reshape to {@code [C, H·W]} (free: no data moves) and a
 *       transpose (every element moves);
 *   <li>{@code class_token}: {@code [S, C]} → {@code [S + 1, C]}, a learned row (C parameters)
 *       concatenated in front of the tokens, as ViT and DeiT do.
 * </ul>
 *
 * Each returns the layers in order; each layer's input is the previous one's output.
 */
final class Tokens {
  /** The layer kinds this class expands. */
  static final Set<String> KINDS = Set.of("to_tokens", "class_token");

  private Tokens() {}

  static List<LayerWork> expand(String kind, Args a, Shape in) {
    return switch (kind) {
      case "to_tokens" -> toTokens(in);
      case "class_token" -> classToken(in);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static List<LayerWork> toTokens(Shape in) {
    if (in.rank() != 3) {
      throw new Formula.FormulaError("to_tokens expects an input of shape [C, H, W], found " + in);
    }
    long c = in.dim(0);
    long tokens = mul(in.dim(1), in.dim(2));
    return List.of(
        new LayerWork("reshape", Shape.of(c, tokens), 0, 0, 0, 0, Map.of()),
        new LayerWork("transpose", Shape.of(tokens, c), 0, 0, 0, 0, Map.of()));
  }

  private static List<LayerWork> classToken(Shape in) {
    if (in.rank() != 2) {
      throw new Formula.FormulaError("class_token expects tokens of shape [S, C], found " + in);
    }
    return List.of(
        new LayerWork(
            "concat", in.with(0, in.dim(0) + 1), 0, 0, in.dim(1), 0, Map.of("axis", "first")));
  }
}
