package dev.devq.view;

import dev.devq.lang.unit.Unit;
import dev.devq.lang.unit.UnitRegistry;
import dev.devq.query.check.Functions;
import dev.devq.query.check.ParamKind;
import dev.devq.query.check.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Help written from the language's own tables: the function signatures, the unit registry and the
 * words of each parameter kind, so help never drifts from what the checker accepts.
 */
public final class LanguageHelp {
  private LanguageHelp() {}

  /** The names of every built-in function. */
  public static List<String> functionNames() {
    return List.copyOf(Functions.all().keySet());
  }

  /** Whether {@code name} is a built-in function. */
  public static boolean isFunction(String name) {
    return Functions.get(name) != null;
  }

  /** One function's usage, summary and parameters, or null when there is no such function. */
  public static String function(String name) {
    Signature sig = Functions.get(name);
    if (sig == null) {
      return null;
    }
    var out =
        new StringBuilder(sig.usage()).append('\n').append("  ").append(sig.help()).append('\n');
    for (Signature.Param p : sig.params()) {
      out.append("  ").append(TextRender.pad(p.name(), 10)).append(p.kind().describe());
      if (!p.kind().words().isEmpty()) {
        out.append(": ").append(String.join(" ", p.kind().words()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Every function's usage and summary. */
  public static String functions() {
    var out = new StringBuilder();
    for (Signature sig : Functions.all().values()) {
      out.append(sig.usage()).append("\n    ").append(sig.help()).append('\n');
    }
    return out.toString();
  }

  /** The units by dimension. */
  public static String units() {
    UnitRegistry registry = UnitRegistry.standard();
    Map<String, List<String>> byDimension = new TreeMap<>();
    for (String name : registry.names()) {
      Unit u = registry.find(name);
      byDimension
          .computeIfAbsent(
              u.dimension().isNone() ? "number" : registry.name(u.dimension()),
              k -> new ArrayList<>())
          .add(name);
    }
    var out = new StringBuilder();
    byDimension.forEach(
        (dimension, names) ->
            out.append(TextRender.pad(dimension, 16))
                .append(String.join(" ", names.stream().sorted().toList()))
                .append('\n'));
    return out.append(
            "Quotients are written without spaces: GB/s. Convert with 'in': a16.bandwidth in MB/s\n")
        .toString();
  }

  /** The words of thermal states, compute units and start modes. */
  public static String states() {
    return words(ParamKind.THERMAL) + words(ParamKind.UNITS) + words(ParamKind.START);
  }

  private static String words(ParamKind kind) {
    return TextRender.pad(kind.describe(), 22) + String.join(" ", kind.words()) + "\n";
  }
}
