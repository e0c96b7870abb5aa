package dev.devq.model;

import dev.devq.kb.YamlNode;
import dev.devq.lang.Expr;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words a model's formulas compare a word parameter with: {@code if(phase == prefill, context,
 * tokens)} makes {@code prefill} a value of {@code phase}. Model files declare a word parameter by
 * its default only, so these comparisons are the set of values the model can tell apart.
 */
final class WordParams {
  private static final List<String> FORMULA_PARTS = List.of("input", "layers", "blocks");

  private WordParams() {}

  /** The words compared with {@code name} anywhere in the input, the layers or the blocks. */
  static Set<String> compared(YamlNode.Mapping root, String name) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : FORMULA_PARTS) {
      YamlNode node = ModelBuilder.entry(root, part);
      if (node != null) {
        scan(node, name, out);
      }
    }
    return out;
  }

  private static void scan(YamlNode node, String name, Set<String> out) {
    if (node instanceof YamlNode.Mapping m) {
      m.entries().values().forEach(e -> scan(e.value(), name, out));
    } else if (node instanceof YamlNode.Sequence s) {
      s.items().forEach(i -> scan(i, name, out));
    } else if (node instanceof YamlNode.Scalar s && s.text().contains(name)) {
      try {
        if (Formula.compile(s.text()) instanceof Expr e) {
          walk(e, name, out);
        }
      } catch (Formula.FormulaError notAFormula) {
        // a scalar that is not a formula compares nothing
      }
    }
  }

  private static void walk(Expr e, String name, Set<String> out) {
    if (e instanceof Expr.Compare c) {
      for (int i = 0; i + 1 < c.operands().size(); i++) {
        pair(c.operands().get(i), c.operands().get(i + 1), name, out);
        pair(c.operands().get(i + 1), c.operands().get(i), name, out);
      }
      c.operands().forEach(o -> walk(o, name, out));
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> walk(a.value(), name, out));
    } else if (e instanceof Expr.Binary b) {
      walk(b.left(), name, out);
      walk(b.right(), name, out);
    } else if (e instanceof Expr.Unary u) {
      walk(u.operand(), name, out);
    }
  }

  private static void pair(Expr param, Expr word, String name, Set<String> out) {
    if (param instanceof Expr.Name p && p.id().equals(name)) {
      if (word instanceof Expr.Name w) {
        out.add(w.id());
      } else if (word instanceof Expr.StringLit w) {
        out.add(w.value());
      }
    }
  }
}
