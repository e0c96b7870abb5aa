package dev.devq.kb;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a load, so one run reports all errors of all files together rather than
 * stopping at the first.
 */
public final class Problems {
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<YamlNode.Scalar> sourceUses = new ArrayList<>();
  private final List<SocUse> socUses = new ArrayList<>();

  /** Remembers a {@code source:} value so it can be checked once sources.yaml is known. */
  public void recordSourceUse(YamlNode.Scalar use) {
    sourceUses.add(use);
  }

  public List<YamlNode.Scalar> sourceUses() {
    return List.copyOf(sourceUses);
  }

  /**
   * Remembers a SoC id written in a profile ({@code since: {soc: a14}}) to check once all SoCs are
   * known.
   */
  public void recordSocUse(YamlNode.Scalar use, String context) {
    socUses.add(new SocUse(use, context));
  }

  public List<SocUse> socUses() {
    return List.copyOf(socUses);
  }

  /** A SoC id as written, and what named it ("op 'gelu' support on ane"). */
  public record SocUse(YamlNode.Scalar node, String context) {}

  public void add(Diagnostic d) {
    diagnostics.add(d);
  }

  public void addAll(List<Diagnostic> ds) {
    diagnostics.addAll(ds);
  }

  /** An error at a node of a profile. */
  public void error(YamlNode node, String message, String note) {
    add(
        Diagnostic.error(DiagnosticCode.PROFILE, message, node.source(), node.span())
            .withNote(note));
  }

  /** An error at a span of a profile. */
  public void error(SourceText source, Span span, String message, String note) {
    add(Diagnostic.error(DiagnosticCode.PROFILE, message, source, span).withNote(note));
  }

  public boolean isEmpty() {
    return diagnostics.isEmpty();
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
