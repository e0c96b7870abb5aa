package dev.devq.model;

import dev.devq.kb.Problems;
import dev.devq.kb.YamlNode;
import dev.devq.lang.Suggestions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leaves of a model's layer tree: a catalog op, {@code attention} and the token reshapes, each
 * turned into one or a few layers by its rule, with arguments no rule read reported as unknown. The
 * builder handles the structure around them (repeats, blocks, joins).
 */
final class LeafLayers {
  private final Set<String> catalogOps;
  private final Expansion out;
  private final Problems problems;

  /** Whether {@code attention: {impl: sdpa}} may emit the fused op ({@link Attention#expand}). */
  private final boolean fusedAttention;

  LeafLayers(Set<String> catalogOps, Expansion out, Problems problems, boolean fusedAttention) {
    this.catalogOps = catalogOps;
    this.out = out;
    this.problems = problems;
    this.fusedAttention = fusedAttention;
  }

  boolean knows(String kind) {
    return "attention".equals(kind)
        || Tokens.KINDS.contains(kind)
        || ExplicitLayer.KIND.equals(kind)
        || catalogOps.contains(kind);
  }

  /** Adds the layers of one leaf reading {@code current}; returns the new current tensor. */
  Shape add(
      YamlNode at,
      String kind,
      Map<String, Object> argValues,
      String label,
      Shape current,
      YamlNode tie) {
    Args args = new Args(argValues);
    if ("attention".equals(kind)) {
      List<Attention.Part> parts = Attention.expand(args, current, fusedAttention);
      reportUnused(at, kind, args);
      for (Attention.Part part : parts) {
        Shape in = part.input() == null ? current : part.input();
        out.emit(label + "." + part.suffix(), part.work(), in);
      }
      return current;
    }
    if (Tokens.KINDS.contains(kind)) {
      List<LayerWork> steps = Tokens.expand(kind, args, current);
      reportUnused(at, kind, args);
      Shape now = current;
      for (LayerWork step : steps) {
        now = out.emit(steps.size() == 1 ? label : label + "." + step.op(), step, now);
      }
      return now;
    }
    if (ExplicitLayer.KIND.equals(kind)) {
      LayerWork work = ExplicitLayer.work(args, catalogOps);
      reportUnused(at, kind, args);
      return out.emit(label, work, current);
    }
    LayerWork work = OpRules.apply(kind, args, current);
    reportUnused(at, kind, args);
    if (work != null && tie != null) {
      work = Ties.tie(work, ModelBuilder.scalar(tie), out.layers(), tie, problems);
    }
    return work == null ? current : out.emit(label, work, current);
  }

  private void reportUnused(YamlNode at, String op, Args args) {
    for (String key : args.unused()) {
      problems.error(
          at, "unknown argument '" + key + "' of " + op, Suggestions.didYouMean(key, args.used()));
    }
  }

  /** The scope of a layer's argument formulas: the model's, plus {@code channels} of its input. */
  static Map<String, Object> withChannels(Map<String, Object> scope, Shape current) {
    Map<String, Object> out = new HashMap<>(scope);
    out.put("channels", (double) (current.rank() >= 3 ? current.dim(0) : current.dim(-1)));
    return out;
  }

  static Map<String, Object> evalArgs(YamlNode node, Map<String, Object> scope, Shape current) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (node == null || node instanceof YamlNode.Scalar s && s.text().isEmpty()) {
      return out;
    }
    if (!(node instanceof YamlNode.Mapping m)) {
      throw new Formula.FormulaError("arguments must be a mapping such as {out: 64, kernel: 3}");
    }
    Map<String, Object> local = withChannels(scope, current);
    for (YamlNode.Entry e : m.entries().values()) {
      out.put(e.key(), Formula.eval(ModelBuilder.scalar(e.value()), local));
    }
    return out;
  }
}
