package dev.devq;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.lang.Diagnostic;
import dev.devq.model.ModelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds every zoo model with its default parameters at load time, so a broken model file (an
 * unknown op, mismatched residual shapes, {@code repeat: 0}) is reported with its position before
 * any query runs, together with every other problem.
 */
final class ModelValidation {
  private ModelValidation() {}

  static List<Diagnostic> check(KnowledgeBase kb) {
    List<Diagnostic> out = new ArrayList<>();
    for (ModelProfile m : kb.models().values()) {
      ModelBuilder.Result r = ModelBuilder.build(m, Map.of(), kb.ops().keySet());
      out.addAll(r.diagnostics());
      if (r.ok()) {
        out.addAll(ReferenceSources.check(kb, r.model().reference(), m));
      }
    }
    return out;
  }
}
