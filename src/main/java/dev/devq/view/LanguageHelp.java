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

  /**
   * Help on a word the checker accepts (a state, unit set, runtime, member, …), as a word's line.
   */
  private static final Map<String, String> WORDS = words();

  private static Map<String, String> words() {
    Map<String, String> out = new TreeMap<>();
    try (var in = LanguageHelp.class.getResourceAsStream("help-words.txt")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        // a word, then two or more spaces; a quoted OS release holds one space
        String[] parts = line.split("\\s{2,}", 2);
        out.put(parts[0].strip(), parts[1].strip());
      }
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("help-words.txt is part of the jar", e);
    }
    return out;
  }

  /**
   * Help on a word that is not a function: {@code sustained}, {@code cpu_and_ne}, {@code q4_0}, a
   * member such as {@code bandwidth}, or a unit; null when the word means nothing to the checker.
   */
  public static String word(String name) {
    String help = WORDS.get(name);
    if (help != null) {
      return name + " — " + help + "\n";
    }
    Unit unit = UnitRegistry.standard().find(name);
    if (unit == null) {
      return null;
    }
    UnitRegistry registry = UnitRegistry.standard();
    String dimension = unit.dimension().isNone() ? "number" : registry.name(unit.dimension());
    return name
        + " — a unit of "
        + (dimension == null ? "its own dimension" : dimension)
        + ": 1 "
        + name
        + " = "
        + dev.devq.lang.unit.QuantityFormat.number(unit.factor(), 6)
        + " in base units; write 33"
        + name
        + " or 33 "
        + name
        + ", convert with 'in'\n";
  }

  /**
   * Function names, the words of conditions, unit-set aliases, units and keywords ({@code
   * Language#reservedWords}).
   */
  public static java.util.Set<String> reservedWords() {
    java.util.Set<String> out = new java.util.TreeSet<>(wordsOfTheLanguage());
    out.addAll(UnitRegistry.standard().names());
    out.addAll(dev.devq.lang.Tokens.keywords());
    return out;
  }

  /** Functions, the words of each parameter kind, and the unit-set aliases, in that order. */
  private static List<String> wordsOfTheLanguage() {
    List<String> out = new ArrayList<>(Functions.all().keySet());
    for (ParamKind k : ParamKind.values()) {
      out.addAll(k.words());
    }
    out.addAll(new java.util.TreeSet<>(dev.devq.cost.UnitSet.ALIASES.keySet()));
    return out;
  }

  /**
   * Every name the checker accepts outside the knowledge base: functions, the words of each
   * parameter kind (thermal states, unit sets, starts, runtimes, OS forms, precisions, quantize
   * schemes), members and units.
   */
  public static List<String> acceptedNames() {
    List<String> out = wordsOfTheLanguage();
    for (dev.devq.query.check.Type t :
        List.of(
            new dev.devq.query.check.Type.Entity("soc"),
            new dev.devq.query.check.Type.Entity("device"),
            new dev.devq.query.check.Type.Entity("op"),
            dev.devq.query.check.Type.MODEL,
            new dev.devq.query.check.Type.Record("unit"),
            new dev.devq.query.check.Type.Record("explain"))) {
      out.addAll(dev.devq.query.check.Members.names(t));
    }
    out.addAll(UnitRegistry.standard().names());
    return out.stream().distinct().toList();
  }

  /** The words of thermal states, compute units and start modes. */
  public static String states() {
    return words(ParamKind.THERMAL)
        + "  or after(TIME): the point of the thermal curve after that much continuous load,"
        + " e.g. after(10min)\n"
        + words(ParamKind.UNITS)
        + words(ParamKind.START)
        + words(ParamKind.RUNTIME)
        + "\n:help WORD says what one of them means (:help sustained).\n";
  }

  private static String words(ParamKind kind) {
    return TextRender.pad(kind.describe(), 22) + String.join(" ", kind.words()) + "\n";
  }
}
