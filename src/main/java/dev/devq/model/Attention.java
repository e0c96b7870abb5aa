package dev.devq.model;

import static dev.devq.model.ModelLimits.mul;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code attention: {heads, …}} into the catalog ops a converter actually emits, so
 * placement can judge each one. Three implementations:
 *
 * <ul>
 *   <li>{@code matmul}: the Hugging Face layout on [S, C] — linear projections, transposes into
 *       heads, batched matmuls and one softmax;
 *   <li>{@code split_einsum}: Apple's ml-ane-transformers layout on [C, 1, S] — 1×1 convolutions,
 *       einsum and a softmax per head, no transposes;
 *   <li>{@code sdpa}: projections around one {@code scaled_dot_product_attention} op (iOS 18), or,
 *       in a build for a release before that op, the ops the converter lowers it to ({@link
 *       #lowered}).
 * </ul>
 *
 * {@code value_dim} sets a per-head value width other than {@code head_dim} (EfficientFormer's
 * attention uses 32-wide queries and keys but 128-wide values).
 *
 * <p>With {@code kv_cache: true} the queries attend over {@code context} key and value positions,
 * the step's own new ones among them ({@link DecoderWindow}), and the cache of those positions is
 * read every call: the state that makes decode memory-bound as the context grows.
 */
final class Attention {
  private Attention() {}

  /** The op Core ML's converter emits for {@code impl: sdpa} when the deployment target has it. */
  static final String FUSED = "scaled_dot_product_attention";

  /**
   * One layer of the expansion; {@code input} is the tensor it reads, the block's input for every
   * part but the lowered attention's, which read one another's outputs.
   */
  record Part(String suffix, LayerWork work, Shape input) {
    Part(String suffix, LayerWork work) {
      this(suffix, work, null);
    }
  }

  /**
   * The layers of one attention block reading {@code in}; {@code fused}: whether {@code impl: sdpa}
   * may emit the fused op (false in a build for a release before it).
   */
  static List<Part> expand(Args a, Shape in, boolean fused) {
    boolean c1s = in.rank() == 3;
    long channels = c1s ? in.dim(0) : in.dim(-1);
    long seq = c1s ? in.dim(2) : in.dim(0);
    long heads = a.count("heads");
    long kvHeads = a.count("kv_heads", heads);
    long headDim = a.count("head_dim", channels / heads);
    long valueDim = a.count("value_dim", headDim);
    String impl = a.symbol("impl", c1s ? "split_einsum" : "matmul");
    boolean cache = a.flag("kv_cache", false);
    long keys = cache ? a.count("context") : seq;
    boolean bias = a.flag("bias", true);
    long qWidth = mul(heads, headDim);
    long kvWidth = mul(kvHeads, headDim);
    long vWidth = mul(kvHeads, valueDim);
    long outWidth = mul(heads, valueDim);
    if (heads % kvHeads != 0) {
      throw new Formula.FormulaError(
          "heads " + heads + " is not a multiple of kv_heads " + kvHeads);
    }
    String proj = c1s ? "pointwise_conv2d" : "linear";
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("q_proj", projection(proj, in, c1s, channels, qWidth, seq, bias)));
    parts.add(new Part("k_proj", projection(proj, in, c1s, channels, kvWidth, seq, bias)));
    parts.add(new Part("v_proj", projection(proj, in, c1s, channels, vWidth, seq, bias)));
    long scoreMacs = mul(heads, seq, keys, headDim);
    long contextMacs = mul(heads, seq, keys, valueDim);
    long scores = mul(heads, seq, keys);
    long state = cache ? mul(keys, kvWidth + vWidth) : 0;
    Shape contextShape = Shape.of(heads, seq, valueDim);
    Shape scoreShape = Shape.of(heads, seq, keys);
    switch (impl) {
      case "sdpa" -> {
        if (fused) {
          parts.add(
              new Part(
                  "sdpa",
                  new LayerWork(
                      FUSED,
                      contextShape,
                      scoreMacs + contextMacs,
                      mul(2, Math.addExact(scoreMacs, contextMacs)) + mul(5, scores),
                      0,
                      state,
                      Map.of())));
        } else {
          parts.addAll(lowered(heads, seq, keys, headDim, valueDim, cache ? kvHeads : 0));
        }
      }
      case "split_einsum" -> {
        parts.add(
            new Part(
                "scores",
                new LayerWork(
                    "einsum",
                    scoreShape,
                    scoreMacs,
                    mul(2, scoreMacs),
                    0,
                    state,
                    Map.of("split_heads", "true"))));
        parts.add(
            new Part(
                "softmax",
                new LayerWork(
                    "softmax",
                    scoreShape,
                    0,
                    mul(5, scores),
                    0,
                    0,
                    Map.of("axis", "last", "split_heads", "true"))));
        parts.add(
            new Part(
                "context",
                new LayerWork(
                    "einsum",
                    contextShape,
                    contextMacs,
                    mul(2, contextMacs),
                    0,
                    0,
                    Map.of("split_heads", "true"))));
      }
      case "matmul" -> {
        parts.add(
            new Part(
                "split_heads",
                new LayerWork("transpose", Shape.of(heads, seq, headDim), 0, 0, 0, 0, Map.of())));
        parts.add(
            new Part(
                "scores",
                new LayerWork(
                    "batch_matmul", scoreShape, scoreMacs, mul(2, scoreMacs), 0, state, Map.of())));
        parts.add(
            new Part(
                "softmax",
                new LayerWork(
                    "softmax", scoreShape, 0, mul(5, scores), 0, 0, Map.of("axis", "last"))));
        parts.add(
            new Part(
                "context",
                new LayerWork(
                    "batch_matmul",
                    contextShape,
                    contextMacs,
                    mul(2, contextMacs),
                    0,
                    0,
                    Map.of())));
        parts.add(
            new Part(
                "merge_heads",
                new LayerWork("transpose", Shape.of(seq, outWidth), 0, 0, 0, 0, Map.of())));
      }
      default ->
          throw new Formula.FormulaError(
              "impl must be matmul, split_einsum or sdpa, found '" + impl + "'");
    }
    Shape attended = c1s ? Shape.of(outWidth, 1, seq) : Shape.of(seq, outWidth);
    parts.add(new Part("out_proj", projection(proj, attended, c1s, outWidth, channels, seq, bias)));
    return parts;
  }

  /**
   * What coremltools' PyTorch converter emits for the fused op when the deployment target predates
   * it: the query scaled by 1/√d, Q·Kᵀ, the mask added (a decoder's KV cache attends causally),
   * softmax over the keys, and ·V, each reading the one before. A cache of {@code cachedHeads}
   * key/value heads (0: none) is read by the two matmuls, keys by the first and values by the
   * second, as the fused op read both.
   */
  static List<Part> lowered(
      long heads, long seq, long keys, long headDim, long valueDim, long cachedHeads) {
    Shape query = Shape.of(heads, seq, headDim);
    Shape scores = Shape.of(heads, seq, keys);
    long scoreMacs = mul(heads, seq, keys, headDim);
    long contextMacs = mul(heads, seq, keys, valueDim);
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("sdpa.scale", LayerWork.elementwise("mul", query, 1), query));
    parts.add(
        new Part(
            "sdpa.qk",
            new LayerWork(
                "batch_matmul",
                scores,
                scoreMacs,
                mul(2, scoreMacs),
                0,
                mul(keys, cachedHeads, headDim),
                Map.of()),
            query));
    if (cachedHeads > 0) {
      parts.add(new Part("sdpa.mask", LayerWork.elementwise("add", scores, 1), scores));
    }
    parts.add(
        new Part(
            "sdpa.softmax",
            new LayerWork(
                "softmax", scores, 0, mul(5, scores.elements()), 0, 0, Map.of("axis", "last")),
            scores));
    parts.add(
        new Part(
            "sdpa.av",
            new LayerWork(
                "batch_matmul",
                Shape.of(heads, seq, valueDim),
                contextMacs,
                mul(2, contextMacs),
                0,
                mul(keys, cachedHeads, valueDim),
                Map.of()),
            scores));
    return parts;
  }

  private static LayerWork projection(
      String op, Shape in, boolean c1s, long from, long to, long seq, boolean bias) {
    long macs = mul(seq, from, to);
    Shape out = c1s ? Shape.of(to, 1, seq) : Shape.of(seq, to);
    Map<String, String> attrs =
        c1s ? Map.of("kernel", "1", "stride", "1", "dilation", "1") : Map.of();
    return new LayerWork(op, out, macs, mul(2, macs), mul(from, to) + (bias ? to : 0), 0, attrs);
  }
}
