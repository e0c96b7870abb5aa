package dev.devq.query.check;

import dev.devq.kb.Entity;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Severity;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.util.List;

/**
 * The one rule for a {@code let} whose name the knowledge base or the language already gives to
 * something. A variable wins over every other meaning of a name ({@link Checker#visitName}), so
 * {@code let devices = [iphone_12]} quietly narrows every later {@code all d in devices} of the
 * file, and {@code let throttled = 1} turns {@code latency(m, d, throttled)} into a type error far
 * from its cause. It stays allowed ({@code let resnet50 = quantize(resnet50, w8)} can be meant),
 * with a warning at the name.
 */
public final class ShadowedNames {
  private ShadowedNames() {}

  /** The warning for {@code let name}, its name at {@code at}, or null when it hides nothing. */
  public static Diagnostic of(Resolver resolver, String name, SourceText source, Span at) {
    String hidden = hidden(resolver, name);
    if (hidden == null) {
      return null;
    }
    return new Diagnostic(
        Severity.WARNING,
        DiagnosticCode.SHADOWED,
        "'" + name + "' hides " + hidden + " for the rest of the file",
        source,
        at,
        "already " + hidden,
        List.of("to keep " + hidden + " in reach, choose another name, e.g. '" + name + "_'"));
  }

  /** What {@code name} means without the let, in words, or null when it means nothing yet. */
  private static String hidden(Resolver resolver, String name) {
    if (Checker.COLLECTIONS.contains(name)) {
      return "the collection " + name;
    }
    Entity entity = resolver.entity(name, List.of(), false);
    if (entity != null) {
      return "the " + entity.kind() + " " + entity.id();
    }
    Word word = Word.named(name);
    return word == null ? null : word.kind().describe() + " '" + name + "'";
  }
}
