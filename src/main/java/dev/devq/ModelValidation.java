package dev.devq;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.lang.Diagnostic;
import dev.devq.model.Model;
import dev.devq.model.ModelBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Builds every zoo model with its default parameters at load time, so a broken model file (an
 * unknown op, mismatched residual shapes, {@code repeat: 0}) is reported with its position before
 * any query runs, together with every other problem.
 */
final class ModelValidation {
  private ModelValidation() {}

  /** The problems found, and the models that built (kept so queries need not build them again). */
  record Result(List<Diagnostic> diagnostics, List<Model> models) {}

  static Result check(KnowledgeBase kb) {
    return check(kb, kb.models().values());
  }

  /** Builds only {@code models}: those an overlay brought, when the rest come from the snapshot. */
  static Result check(KnowledgeBase kb, Collection<ModelProfile> models) {
    List<Diagnostic> out = new ArrayList<>();
    List<Model> built = new ArrayList<>();
    for (ModelProfile m : models) {
      ModelBuilder.Result r = ModelBuilder.build(m, Map.of(), kb.ops().keySet());
      out.addAll(r.diagnostics());
      if (r.ok()) {
        out.addAll(ReferenceSources.check(kb, r.model().reference(), m));
        built.add(r.model());
      }
    }
    return new Result(out, built);
  }
}
