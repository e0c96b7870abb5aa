package dev.devq.model;

import dev.devq.kb.ModelProfile;
import dev.devq.kb.Problems;
import dev.devq.kb.YamlNode;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a model description into a {@link Model}: binds parameters, expands blocks, repeats and
 * branches, infers every shape and counts the work.
 *
 * <p>Layer items are an op or block name ({@code - relu}), a one-key mapping with arguments ({@code
 * - conv2d: {out: 32, kernel: 3}}), {@code repeat: N} with {@code layers}, branches that join by
 * {@code concat}, {@code add} or {@code mul} (an empty branch is the identity), the {@code
 * residual} shorthand with an optional {@code skip} condition, {@code attention}, {@code to_tokens}
 * and {@code class_token}. Any item may carry {@code when} (skip the item when false), {@code name}
 * and {@code save} (keep its output for a later {@code - from: name}, which makes the saved tensor
 * the current one, also as a branch of a join); a linear layer may carry {@code tie: name} (it
 * reuses the weights of the named layer, counted once). Errors are collected with their file
 * positions; a broken layer is skipped so the rest is still checked.
 */
public final class ModelBuilder {
  private static final Set<String> ITEM_KEYS =
      Set.of("when", "name", "repeat", "layers", "skip", "save", "tie", "axis");
  private static final List<String> COMBINATORS =
      List.of(
          "concat",
          "add",
          "mul",
          "residual",
          "attention",
          "repeat",
          "from",
          "to_tokens",
          "class_token");

  private final ModelProfile profile;
  private final Set<String> catalogOps;
  private final Problems problems = new Problems();
  private Blocks blocks;
  private final Expansion out = new Expansion();
  private final LeafLayers leaves;
  private Shape current;
  private YamlNode currentItem;
  private int steps;

  private ModelBuilder(ModelProfile profile, Set<String> catalogOps, boolean fusedAttention) {
    this.profile = profile;
    this.catalogOps = catalogOps;
    this.leaves = new LeafLayers(catalogOps, out, problems, fusedAttention);
  }

  /**
   * Builds a model with parameters overridden by {@code overrides} (e.g. {@code width = 0.5});
   * {@code catalogOps} are the op ids layers may name.
   */
  public static Result build(
      ModelProfile profile, Map<String, Object> overrides, Set<String> catalogOps) {
    return build(profile, overrides, catalogOps, true);
  }

  /**
   * {@link #build(ModelProfile, Map, Set)} as the converter builds it for a deployment target
   * ({@link FusedAttention#lowered}): {@code fusedAttention} false for a release before the fused
   * {@code scaled_dot_product_attention} op, whose {@code attention: {impl: sdpa}} layers are then
   * the ops the converter lowers it to ({@code attention_1.sdpa.qk}, …), each with its own shapes.
   */
  static Result build(
      ModelProfile profile,
      Map<String, Object> overrides,
      Set<String> catalogOps,
      boolean fusedAttention) {
    return new ModelBuilder(profile, catalogOps, fusedAttention).run(overrides);
  }

  private Result run(Map<String, Object> overrides) {
    YamlNode.Mapping root = profile.root();
    var largest = ModelParams.largest(root, problems);
    Map<String, Object> scope = ModelParams.bind(profile, overrides, largest, problems);
    blocks = new Blocks(root, problems);
    current = ModelParams.input(root, scope, problems);
    NumericFormat format = ModelParams.format(root, problems);
    Reference reference = ModelParams.reference(root, largest, problems);
    YamlNode body = entry(root, "layers");
    if (body == null) {
      problems.error(root, "model '" + profile.id() + "' has no 'layers'", "");
    } else if (current != null) {
      expand(body, scope);
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems.diagnostics());
    }
    Model model =
        new Model(
            profile.id(),
            ModelParams.label(profile.id(), overrides),
            profile.name(),
            scope,
            ModelParams.input(root, scope, problems),
            out.layers(),
            format,
            reference,
            out.peak());
    try {
      // the totals are summed with exact arithmetic: asking here keeps an overflow at the model
      model.params();
      model.macs();
      model.flops();
      model.stateBytes();
    } catch (ArithmeticException overflow) {
      problems.error(body, "the totals of the model overflow 64-bit counts", "");
      return new Result(null, problems.diagnostics());
    }
    return new Result(model, List.of());
  }

  /** Expands the body; a passed limit stops the whole build at the item that reached it. */
  private void expand(YamlNode body, Map<String, Object> scope) {
    try {
      items(body, scope, "");
    } catch (ModelLimits.Exceeded e) {
      YamlNode at = e.node != null ? e.node : currentItem;
      problems.add(Diagnostic.error(DiagnosticCode.MODEL, e.getMessage(), at.source(), at.span()));
    }
  }

  private void items(YamlNode node, Map<String, Object> scope, String path) {
    if (!(node instanceof YamlNode.Sequence seq)) {
      problems.error(node, "expected a list of layers, found " + node.kind(), "");
      return;
    }
    for (YamlNode item : seq.items()) {
      try {
        item(item, scope, path);
      } catch (Formula.FormulaError e) {
        problems.add(
            Diagnostic.error(DiagnosticCode.MODEL, e.getMessage(), item.source(), item.span()));
      } catch (ArithmeticException overflow) {
        problems.add(
            Diagnostic.error(
                DiagnosticCode.MODEL,
                "a size or count of this layer overflows 64 bits (input "
                    + current
                    + "); sizes are limited to "
                    + ModelLimits.MAX_AXIS
                    + " per axis",
                item.source(),
                item.span()));
      }
    }
  }

  private void item(YamlNode item, Map<String, Object> scope, String path) {
    ModelLimits.step(item, ++steps);
    currentItem = item;
    itemBody(item, scope, path);
    if (item instanceof YamlNode.Mapping m && entry(m, "save") != null) {
      out.save(scalar(entry(m, "save")), current);
    }
  }

  private void itemBody(YamlNode item, Map<String, Object> scope, String path) {
    if (item instanceof YamlNode.Scalar s) {
      named(item, s.text(), null, scope, path, "", null, null);
      return;
    }
    if (!(item instanceof YamlNode.Mapping m)) {
      problems.error(item, "a layer must be a name or a mapping, found " + item.kind(), "");
      return;
    }
    YamlNode when = entry(m, "when");
    if (when != null && Formula.number(scalar(when), scope, "when") == 0) {
      return;
    }
    String name = entry(m, "name") == null ? "" : scalar(entry(m, "name"));
    if (m.entries().containsKey("repeat")) {
      repeat(m, scope, path);
      return;
    }
    List<YamlNode.Entry> kinds =
        m.entries().values().stream().filter(e -> !ITEM_KEYS.contains(e.key())).toList();
    if (kinds.size() != 1) {
      problems.error(
          item,
          "a layer mapping needs exactly one op or block name, found "
              + kinds.stream().map(YamlNode.Entry::key).toList(),
          "");
      return;
    }
    YamlNode.Entry kind = kinds.get(0);
    if (entry(m, "axis") != null && !"concat".equals(kind.key())) {
      problems.error(entry(m, "axis"), "'axis' applies to concat only", "");
      return;
    }
    if (entry(m, "tie") != null
        && (blocks.contains(kind.key()) || COMBINATORS.contains(kind.key()))) {
      problems.error(entry(m, "tie"), "'tie' applies to a linear layer only", "");
      return;
    }
    switch (kind.key()) {
      case "residual" -> residual(m, kind.value(), scope, path);
      case "concat", "add", "mul" -> branches(kind.key(), kind.value(), axis(m), scope, path);
      case "from" -> from(kind.value());
      default ->
          named(kind.value(), kind.key(), kind.value(), scope, path, name, kind, entry(m, "tie"));
    }
  }

  private String axis(YamlNode.Mapping m) {
    YamlNode node = entry(m, "axis");
    return node == null ? "channel" : scalar(node);
  }

  /** {@code - from: name}: the tensor saved under that name becomes the current one. */
  private void from(YamlNode node) {
    String name = scalar(node);
    Shape s = out.saved().get(name);
    if (s == null) {
      problems.error(
          node,
          "no tensor saved as '" + name + "' before this layer",
          out.saved().names().isEmpty()
              ? "save one with 'save: " + name + "' on an earlier layer"
              : Suggestions.didYouMean(name, out.saved().names()));
      return;
    }
    current = s;
  }

  private void named(
      YamlNode at,
      String kind,
      YamlNode argsNode,
      Map<String, Object> scope,
      String path,
      String name,
      YamlNode.Entry entry,
      YamlNode tie) {
    Map<String, Object> args = LeafLayers.evalArgs(argsNode, scope, current);
    String label = path + (name.isEmpty() ? out.unique(kind) : name);
    if (blocks.contains(kind)) {
      callBlock(at, kind, args, scope, label + "/");
    } else if (leaves.knows(kind)) {
      current = leaves.add(at, kind, args, label, current, tie);
    } else {
      var candidates = new LinkedHashSet<String>(catalogOps);
      candidates.addAll(blocks.names());
      candidates.addAll(COMBINATORS);
      var where =
          entry == null ? at : new YamlNode.Scalar(at.source(), entry.keySpan(), kind, false);
      problems.error(
          where, "unknown op or block '" + kind + "'", Suggestions.didYouMean(kind, candidates));
    }
  }

  private void callBlock(
      YamlNode at, String block, Map<String, Object> args, Map<String, Object> outer, String path) {
    if (!blocks.enter(at, block)) {
      return;
    }
    Blocks.Bound bound = blocks.bind(at, block, args, ModelParams.globals(outer));
    if (bound == null) {
      blocks.leave();
      return;
    }
    out.enterBlock();
    try {
      items(bound.body(), bound.scope(), path);
    } finally {
      out.leaveBlock();
      blocks.leave();
    }
  }

  private void repeat(YamlNode.Mapping m, Map<String, Object> scope, String path) {
    YamlNode countNode = entry(m, "repeat");
    double times = Formula.number(scalar(countNode), scope, "repeat");
    if (times < 1 || times != Math.rint(times)) {
      problems.error(
          countNode, "repeat must be a whole number of at least 1, found " + Args.trim(times), "");
      return;
    }
    if (times > ModelLimits.MAX_LAYERS) {
      problems.error(
          countNode,
          "repeat " + Args.trim(times) + " is above the limit of " + ModelLimits.MAX_LAYERS,
          "");
      return;
    }
    YamlNode body = entry(m, "layers");
    if (body == null) {
      problems.error(m, "repeat needs 'layers'", "");
      return;
    }
    for (int i = 0; i < times; i++) {
      Map<String, Object> inner = new HashMap<>(scope);
      inner.put("index", (double) i);
      items(body, inner, path);
    }
  }

  private void residual(YamlNode.Mapping m, YamlNode body, Map<String, Object> scope, String path) {
    YamlNode skip = entry(m, "skip");
    boolean withSkip =
        skip == null
            || Formula.number(scalar(skip), LeafLayers.withChannels(scope, current), "skip") != 0;
    if (!withSkip) {
      items(body, scope, path);
      return;
    }
    join(
        "add",
        "channel",
        List.of(new YamlNode.Sequence(body.source(), body.span(), List.of()), body),
        body,
        scope,
        path);
  }

  private void branches(
      String how, YamlNode node, String axis, Map<String, Object> scope, String path) {
    if (!(node instanceof YamlNode.Sequence seq) || seq.items().size() < 2) {
      problems.error(
          node,
          "'"
              + how
              + "' needs a list of at least two branches (each a list of layers; [] is the input)",
          "");
      return;
    }
    join(how, axis, seq.items(), node, scope, path);
  }

  private void join(
      String how,
      String axis,
      List<YamlNode> branchNodes,
      YamlNode at,
      Map<String, Object> scope,
      String path) {
    Shape input = current;
    out.hold(input);
    List<Shape> outputs = new ArrayList<>();
    for (YamlNode branch : branchNodes) {
      current = input;
      items(branch, scope, path);
      outputs.add(current);
      out.hold(current);
    }
    outputs.forEach(out::release);
    out.release(input);
    current = input;
    Shape joined = Joins.shape(how, axis, outputs, at, problems);
    if (joined != null) {
      long flops =
          "concat".equals(how) ? 0 : ModelLimits.mul(joined.elements(), outputs.size() - 1);
      current =
          out.emit(
              path + out.unique(how),
              new LayerWork(how, joined, 0, flops, 0, 0, Map.of()),
              outputs.get(0));
    }
  }

  static String scalar(YamlNode node) {
    if (node instanceof YamlNode.Scalar s) {
      return s.text();
    }
    throw new Formula.FormulaError("expected a single value, found " + node.kind());
  }

  static YamlNode entry(YamlNode.Mapping m, String key) {
    YamlNode.Entry e = m.entries().get(key);
    return e == null ? null : e.value();
  }

  /** A model, or the problems that stopped it. */
  public record Result(Model model, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return model != null;
    }
  }
}
