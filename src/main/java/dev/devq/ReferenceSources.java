package dev.devq;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Sourced;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.Reference;
import java.util.ArrayList;
import java.util.List;

/** Every published figure of a model's reference must name a known source. */
final class ReferenceSources {
  private ReferenceSources() {}

  static List<Diagnostic> check(KnowledgeBase kb, Reference ref, ModelProfile model) {
    List<Diagnostic> out = new ArrayList<>();
    List<Sourced<Quantity>> figures =
        new ArrayList<>(List.of(ref.params(), ref.macs(), ref.top1()));
    figures.addAll(ref.largest().values());
    for (Sourced<Quantity> figure : figures) {
      if (!figure.present()) {
        continue;
      }
      String source = figure.provenance().source();
      if (source.isEmpty() || !kb.sources().containsKey(source)) {
        out.add(
            Diagnostic.error(
                    DiagnosticCode.PROFILE,
                    source.isEmpty()
                        ? "reference figure of '" + model.id() + "' has no source"
                        : "unknown source '" + source + "'",
                    figure.origin().source(),
                    figure.origin().span())
                .withNote(
                    source.isEmpty()
                        ? "write it as {value: …, source: …}"
                        : Suggestions.didYouMean(source, kb.sources().keySet())));
      }
    }
    return out;
  }
}
