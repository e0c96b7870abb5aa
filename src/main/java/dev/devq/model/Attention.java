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
    Block b = Block.read(a, in);
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("q_proj", b.projection(in, b.channels, b.qWidth)));
    parts.add(new Part("k_proj", b.projection(in, b.channels, b.kvWidth)));
    parts.add(new Part("v_proj", b.projection(in, b.channels, b.vWidth)));
    Products p = Products.of(b);
    switch (b.impl) {
      case "sdpa" ->
          parts.addAll(
              fused
                  ? List.of(fusedPart(p))
                  : lowered(
                      b.heads, b.seq, b.keys, b.headDim, b.valueDim, b.cache ? b.kvHeads : 0));
      case "split_einsum" -> parts.addAll(splitEinsum(p));
      case "matmul" -> parts.addAll(matmul(b, p));
      default ->
          throw new Formula.FormulaError(
              "impl must be matmul, split_einsum or sdpa, found '" + b.impl + "'");
    }
    Shape attended = b.c1s ? Shape.of(b.outWidth, 1, b.seq) : Shape.of(b.seq, b.outWidth);
    parts.add(new Part("out_proj", b.projection(attended, b.outWidth, b.channels)));
    return parts;
  }

  /**
   * What an attention block's arguments and input say: its layout ({@code c1s}: Apple's [C, 1, S]),
   * heads and their widths, the implementation, and how many key positions the queries attend over
   * (the cache's {@code context} with a KV cache, else the sequence).
   */
  private record Block(
      boolean c1s,
      long channels,
      long seq,
      long heads,
      long kvHeads,
      long headDim,
      long valueDim,
      String impl,
      boolean cache,
      long keys,
      boolean bias,
      long qWidth,
      long kvWidth,
      long vWidth,
      long outWidth) {
    /** Reads the arguments in the order their errors are reported. */
    static Block read(Args a, Shape in) {
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
      return new Block(
          c1s, channels, seq, heads, kvHeads, headDim, valueDim, impl, cache, keys, bias, qWidth,
          kvWidth, vWidth, outWidth);
    }

    /** A projection from {@code from} to {@code to} channels in this block's layout. */
    LayerWork projection(Shape input, long from, long to) {
      return Attention.projection(
          c1s ? "pointwise_conv2d" : "linear", input, c1s, from, to, seq, bias);
    }
  }

  /**
   * The two products of attention (queries with keys, scores with values), their outputs and the KV
   * cache the first reads.
   */
  private record Products(
      long scoreMacs,
      long contextMacs,
      long scores,
      long state,
      Shape contextShape,
      Shape scoreShape) {
    static Products of(Block b) {
      long scoreMacs = mul(b.heads, b.seq, b.keys, b.headDim);
      long contextMacs = mul(b.heads, b.seq, b.keys, b.valueDim);
      long scores = mul(b.heads, b.seq, b.keys);
      long state = b.cache ? mul(b.keys, b.kvWidth + b.vWidth) : 0;
      return new Products(
          scoreMacs,
          contextMacs,
          scores,
          state,
          Shape.of(b.heads, b.seq, b.valueDim),
          Shape.of(b.heads, b.seq, b.keys));
    }
  }

  /** {@code impl: sdpa} where the release has the fused op: one layer does the whole attention. */
  private static Part fusedPart(Products p) {
    return new Part(
        "sdpa",
        new LayerWork(
            FUSED,
            p.contextShape,
            p.scoreMacs + p.contextMacs,
            mul(2, Math.addExact(p.scoreMacs, p.contextMacs)) + mul(5, p.scores),
            0,
            p.state,
            Map.of()));
  }

  /** Apple's {@code split_einsum}: einsum and a softmax per head, no transposes. */
  private static List<Part> splitEinsum(Products p) {
    return List.of(
        new Part(
            "scores",
            new LayerWork(
                "einsum",
                p.scoreShape,
                p.scoreMacs,
                mul(2, p.scoreMacs),
                0,
                p.state,
                Map.of("split_heads", "true"))),
        new Part(
            "softmax",
            new LayerWork(
                "softmax",
                p.scoreShape,
                0,
                mul(5, p.scores),
                0,
                0,
                Map.of("axis", "last", "split_heads", "true"))),
        new Part(
            "context",
            new LayerWork(
                "einsum",
                p.contextShape,
                p.contextMacs,
                mul(2, p.contextMacs),
                0,
                0,
                Map.of("split_heads", "true"))));
  }

  /** The Hugging Face {@code matmul} layout: transposes into heads, batched matmuls, a softmax. */
  private static List<Part> matmul(Block b, Products p) {
    return List.of(
        new Part(
            "split_heads",
            new LayerWork("transpose", Shape.of(b.heads, b.seq, b.headDim), 0, 0, 0, 0, Map.of())),
        new Part(
            "scores",
            new LayerWork(
                "batch_matmul",
                p.scoreShape,
                p.scoreMacs,
                mul(2, p.scoreMacs),
                0,
                p.state,
                Map.of())),
        new Part(
            "softmax",
            new LayerWork(
                "softmax", p.scoreShape, 0, mul(5, p.scores), 0, 0, Map.of("axis", "last"))),
        new Part(
            "context",
            new LayerWork(
                "batch_matmul",
                p.contextShape,
                p.contextMacs,
                mul(2, p.contextMacs),
                0,
                0,
                Map.of())),
        new Part(
            "merge_heads",
            new LayerWork("transpose", Shape.of(b.seq, b.outWidth), 0, 0, 0, 0, Map.of())));
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
