package dev.devq.lang;

import java.util.List;

/**
 * {@code battery(m, d, 30fps for 1h)}: a duty cycle written as prose says it. The rate and its
 * duration are two arguments of {@code battery}, so the parser stops at {@code for} expecting a
 * comma, and "unexpected 'for'" alone leaves the user to find the form.
 *
 * <pre>{@code
 * battery(mobilenet_v2, iphone_15_pro, 30fps for 1h)
 * // unexpected 'for', note: write the duty cycle as two arguments: battery(model, target, 30fps, 1h)
 * }</pre>
 */
final class DutyCycleFor {
  private DutyCycleFor() {}

  /**
   * The error for a {@code for} at {@code span} among the arguments of a {@code battery} call on
   * its line, or null elsewhere (a list's {@code [f(x) for x in S]} parses, so never gets here).
   */
  static Diagnostic at(SourceText source, Span span) {
    if (!"for".equals(source.slice(span))) {
      return null;
    }
    int lineStart = source.lineStart(span.start());
    List<Tokens.Token> tokens =
        Tokens.significant(source.text().substring(lineStart, span.start()));
    int depth = 0;
    for (int i = tokens.size() - 1; i > 0; i--) {
      String text = tokens.get(i).text();
      if (")".equals(text)) {
        depth++;
      } else if ("(".equals(text) && depth-- == 0) {
        if (!"battery".equals(tokens.get(i - 1).text())) {
          return null;
        }
        return Diagnostic.error(DiagnosticCode.SYNTAX, "unexpected 'for'", source, span)
            .withLabel("a rate and its duration are two arguments")
            .withNote("write the duty cycle as battery(model, target, 30fps, 1h)");
      }
    }
    return null;
  }
}
