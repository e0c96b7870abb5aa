package dev.devq.query.check;

import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.AstBuilder;
import dev.devq.lang.Expr;
import dev.devq.lang.ParseResult;
import dev.devq.lang.SourceText;
import dev.devq.lang.Tokens;
import dev.devq.lang.unit.UnitRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What may come at a cursor in query text, from the language itself: the function signatures, the
 * knowledge base, the unit registry, {@link Members} and the session's bindings. A target argument
 * offers devices and SoCs, a model argument models, a state argument thermal states, {@code a16.}
 * the members of a SoC and {@code 33} units.
 *
 * <pre>{@code
 * new Completions(resolver).at("latency(mobilenet_v2, a1", 24, Map.of())
 *     // start 22; a11, a12, …, a19_pro (SoCs)
 * }</pre>
 */
public final class Completions {
  /** One completion: the word to insert, the group it belongs to, and a short description. */
  public record Candidate(String word, String group, String description) {}

  /** The candidates for the word that starts at {@code start} and ends at the cursor. */
  public record Result(int start, List<Candidate> candidates) {
    public Result {
      candidates = List.copyOf(candidates);
    }
  }

  private final Resolver resolver;

  public Completions(Resolver resolver) {
    this.resolver = resolver;
  }

  /** The candidates at {@code cursor}; only the text before the cursor matters. */
  public Result at(String text, int cursor, Map<String, Type> bindings) {
    String before = text.substring(0, cursor);
    List<Tokens.Token> tokens = new ArrayList<>(Tokens.significant(before));
    Result spaced = spacedName(before, tokens);
    if (spaced != null) {
      return spaced;
    }
    String prefix = "";
    int start = cursor;
    boolean unitSlot = false;
    if (!tokens.isEmpty()) {
      Tokens.Token last = tokens.get(tokens.size() - 1);
      if (last.end() == cursor && isWord(last)) {
        prefix = last.text();
        start = last.start();
        unitSlot = last.kind() == Tokens.Kind.UNIT;
        tokens.remove(tokens.size() - 1);
      } else {
        unitSlot = last.kind() == Tokens.Kind.NUMBER;
      }
    }
    // Units are case-sensitive (mW, MW); names are matched ignoring case.
    var out = new Collector(prefix, unitSlot);
    if (unitSlot) {
      units(out);
    } else {
      context(before, tokens, bindings, out);
    }
    return new Result(start, out.candidates());
  }

  /**
   * {@code latency(mobilenet_v2, iPhone 15}: a marketed name typed with spaces where a device, SoC,
   * model or op is expected. Its number would otherwise ask for a unit; instead the entities whose
   * name continues the words (or whose id continues them joined by '_') are offered by id,
   * replacing the words. Null when the cursor is not at the end of two or more such words, or no
   * entity continues them.
   */
  private Result spacedName(String before, List<Tokens.Token> tokens) {
    int first = tokens.size();
    while (first > 0 && spacedWord(tokens.get(first - 1))) {
      first--;
    }
    if (tokens.size() - first < 2
        || tokens.get(tokens.size() - 1).end() != before.length()
        || before.substring(tokens.get(first).start()).contains("\n")) {
      return null;
    }
    CallContext.Slot slot = CallContext.slot(tokens.subList(0, first));
    List<String> kinds = slot == null ? null : ENTITY_SLOTS.get(slot.param().kind());
    if (kinds == null) {
      return null;
    }
    String words = before.substring(tokens.get(first).start()).toLowerCase(Locale.ROOT);
    String joined = String.join("_", words.split("[ \t]+"));
    List<Candidate> out = new ArrayList<>();
    resolver
        .kb()
        .entities()
        .forEach(
            e -> {
              if ((kinds.isEmpty() || kinds.contains(e.kind()))
                  && (e.name().toLowerCase(Locale.ROOT).startsWith(words)
                      || e.id().startsWith(joined))) {
                out.add(new Candidate(e.id(), e.kind() + "s", e.name()));
              }
            });
    // nothing continues the words (a missing comma, 'mobilenet_v2 a16'): complete the last word
    return out.isEmpty() ? null : new Result(tokens.get(first).start(), out);
  }

  /** The entity kinds each slot takes a name of; empty: any. */
  private static final Map<ParamKind, List<String>> ENTITY_SLOTS =
      Map.of(
          ParamKind.TARGET, List.of("soc", "device"),
          ParamKind.MODEL, List.of("model"),
          ParamKind.OP, List.of("op"),
          ParamKind.ENTITY, List.of());

  /** A word or number of a name typed with spaces ({@code iPhone 15 Pro}, {@code M2 Max}). */
  private static boolean spacedWord(Tokens.Token t) {
    return t.kind() == Tokens.Kind.NAME
        || t.kind() == Tokens.Kind.NUMBER
        || t.kind() == Tokens.Kind.UNIT && Character.isLetter(t.text().charAt(0));
  }

  private void context(
      String before, List<Tokens.Token> tokens, Map<String, Type> bindings, Collector out) {
    Map<String, Type> scope = new HashMap<>(bindings);
    scope.putAll(loopVariables(before, tokens, bindings));
    String previous = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1).text();
    if (previous.equals(".")) {
      members(before, tokens, scope, out);
    } else if (previous.equals("let")
        || tokens.size() >= 2 && tokens.get(tokens.size() - 2).text().equals("let")) {
      return; // a new name: nothing to offer
    } else if (previous.equals("in")) {
      if (introducesVariable(tokens, tokens.size() - 1)) {
        Checker.COLLECTIONS.forEach(c -> out.add(c, "collections", collectionType(c).describe()));
      } else {
        units(out);
      }
    } else {
      CallContext.Slot slot = CallContext.slot(tokens);
      if (slot == null || !slot(slot, scope, out)) {
        expression(scope, out);
      }
    }
  }

  /** Offers the values a parameter takes; false when any expression fits (numbers, quantities). */
  private boolean slot(CallContext.Slot slot, Map<String, Type> scope, Collector out) {
    KnowledgeBase kb = resolver.kb();
    Signature.Param p = slot.param();
    switch (p.kind()) {
      case MODEL -> {
        // what Arguments accepts there: a model, and a pipeline where the function takes one
        boolean pipelines = slot.function().takesPipelines();
        Predicate<Type> fits =
            t -> t instanceof Type.Model || pipelines && t instanceof Type.Pipeline;
        variables(scope, fits, out);
        kb.models().values().forEach(m -> out.add(m.id(), "models", m.name()));
        Functions.all().values().stream()
            .filter(f -> fits.test(f.result()))
            .forEach(f -> out.add(f.name(), "functions", f.help()));
      }
      case TARGET -> {
        variables(scope, t -> t instanceof Type.Entity e && !e.kind().equals("op"), out);
        kb.socs()
            .values()
            .forEach(s -> out.add(s.id(), "SoCs", s.name() + ", " + s.year().value()));
        kb.devices().values().forEach(d -> out.add(d.id(), "devices", d.name()));
      }
      case OP -> kb.ops().values().forEach(o -> out.add(o.id(), "ops", o.name()));
      case ENTITY -> {
        kb.entities().forEach(e -> out.add(e.id(), e.kind() + "s", e.name()));
      }
      case TEXT -> {
        if (!p.name().equals("name")) {
          return false;
        }
        kb.budgets().values().forEach(b -> out.add(b.id(), "budgets", b.description()));
      }
      case THERMAL, UNITS, UNIT, START, RUNTIME, PRECISION, MODE ->
          p.kind().words().forEach(w -> out.add(w, p.kind().describe(), ""));
      default -> {
        return false;
      }
    }
    return true;
  }

  private void expression(Map<String, Type> scope, Collector out) {
    variables(scope, t -> true, out);
    Functions.all().values().forEach(f -> out.add(f.name(), "functions", f.help()));
    resolver.kb().models().values().forEach(m -> out.add(m.id(), "models", m.name()));
    Checker.COLLECTIONS.forEach(c -> out.add(c, "collections", collectionType(c).describe()));
    Tokens.keywords().forEach(k -> out.add(k, "keywords", ""));
    if (!out.prefix.isEmpty()) {
      KnowledgeBase kb = resolver.kb();
      kb.socs().values().forEach(s -> out.add(s.id(), "SoCs", s.name() + ", " + s.year().value()));
      kb.devices().values().forEach(d -> out.add(d.id(), "devices", d.name()));
      kb.ops().values().forEach(o -> out.add(o.id(), "ops", o.name()));
    }
  }

  private static void units(Collector out) {
    UnitRegistry u = UnitRegistry.standard();
    u.names().stream()
        .sorted()
        .forEach(
            n ->
                out.add(
                    n,
                    "units",
                    u.find(n).dimension().isNone() ? "number" : u.name(u.find(n).dimension())));
  }

  private void members(
      String before, List<Tokens.Token> tokens, Map<String, Type> scope, Collector out) {
    int dot = tokens.size() - 1;
    int from = CallContext.receiverStart(tokens, dot);
    if (from < 0) {
      return;
    }
    Type t = typeOf(before.substring(tokens.get(from).start(), tokens.get(dot).start()), scope);
    if (t != null) {
      Members.names(t).forEach(m -> out.add(m, "members", Members.of(t, m).describe()));
    }
  }

  /** The type of an expression, or null when it does not check. */
  private Type typeOf(String expression, Map<String, Type> scope) {
    var source = new SourceText("<completion>", expression);
    ParseResult<Expr> parsed = AstBuilder.parseExpression(source);
    if (!parsed.ok()) {
      return null;
    }
    CheckResult checked = Checker.check(resolver, source, scope, parsed.value(), false);
    return checked.ok() ? checked.expr().type() : null;
  }

  /** {@code all d in devices …}: {@code d} is a device inside the quantifier. */
  private Map<String, Type> loopVariables(
      String before, List<Tokens.Token> tokens, Map<String, Type> bindings) {
    Map<String, Type> vars = new LinkedHashMap<>();
    for (int i = 2; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).text().equals("in") && introducesVariable(tokens, i)) {
        Type source = typeOf(tokens.get(i + 1).text(), bindings);
        if (source instanceof Type.ListOf l) {
          vars.put(tokens.get(i - 1).text(), l.element());
        }
      }
    }
    return vars;
  }

  /**
   * Whether the {@code in} at {@code in} binds the name before it: {@code x in S} right after a
   * word that opens a binding ({@code all}, {@code table}, {@code for}, a comprehension's {@code
   * [}, …), or after a comma of a {@code table} or {@code for} that binds several ({@code table d
   * in devices, r in …}), as the grammar's rules with a {@code binding} have it.
   */
  private static boolean introducesVariable(List<Tokens.Token> tokens, int in) {
    if (in < 2 || tokens.get(in - 1).kind() != Tokens.Kind.NAME) {
      return false;
    }
    String opener = tokens.get(in - 2).text();
    return BINDERS.contains(opener) || opener.equals(",") && inBindingList(tokens, in - 2);
  }

  /** The words after which {@code x in S} binds {@code x}. */
  private static final List<String> BINDERS =
      List.of("[", "all", "any", "min", "max", "argmin", "argmax", "table", "for");

  /**
   * Whether the comma at {@code comma} separates the bindings of a {@code table} or {@code for}:
   * before it, in the same brackets, that word comes before any {@code where} or {@code :}.
   */
  private static boolean inBindingList(List<Tokens.Token> tokens, int comma) {
    int depth = 0;
    for (int i = comma - 1; i >= 0; i--) {
      String t = tokens.get(i).text();
      if (t.equals(")") || t.equals("]")) {
        depth++;
      } else if (t.equals("(") || t.equals("[")) {
        if (--depth < 0) {
          return false;
        }
      } else if (depth == 0 && (t.equals("table") || t.equals("for"))) {
        return true;
      } else if (depth == 0 && (t.equals("where") || t.equals(":"))) {
        return false;
      }
    }
    return false;
  }

  private static Type collectionType(String collection) {
    return new Type.ListOf(
        collection.equals("models")
            ? Type.MODEL
            : new Type.Entity(collection.substring(0, collection.length() - 1)));
  }

  private static void variables(Map<String, Type> scope, Predicate<Type> fits, Collector out) {
    scope.forEach(
        (name, type) -> {
          if (fits.test(type)) {
            out.add(name, "variables", type.describe());
          }
        });
  }

  private static boolean isWord(Tokens.Token t) {
    return (t.kind() == Tokens.Kind.NAME
            || t.kind() == Tokens.Kind.KEYWORD
            || t.kind() == Tokens.Kind.UNIT)
        && (Character.isLetter(t.text().charAt(0)) || t.text().charAt(0) == '_');
  }

  /**
   * Keeps the candidates that start with the prefix (ignoring case), first occurrence of each word.
   */
  private static final class Collector {
    final String prefix;
    private final boolean exactCase;
    private final Map<String, Candidate> found = new LinkedHashMap<>();

    Collector(String prefix, boolean exactCase) {
      this.prefix = exactCase ? prefix : prefix.toLowerCase(Locale.ROOT);
      this.exactCase = exactCase;
    }

    void add(String word, String group, String description) {
      if ((exactCase ? word : word.toLowerCase(Locale.ROOT)).startsWith(prefix)) {
        found.putIfAbsent(word, new Candidate(word, group, description));
      }
    }

    List<Candidate> candidates() {
      return new ArrayList<>(found.values());
    }
  }
}
