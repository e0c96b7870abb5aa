package dev.devq.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.NamedQuantity;
import dev.devq.kb.Source;
import dev.devq.lang.CharacterNames;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.Engine;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Session;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code devq info ID}: an entity with every field, its source and confidence; budgets, constants
 * and sources have ids too. A near miss is an error with a suggestion, never a guess.
 */
public final class InfoView {
  private final Engine engine;
  private final String id;

  /** The diagnostics of an id written as a call that did not evaluate; else empty. */
  private List<Diagnostic> callProblems = List.of();

  private final Entity entity;

  public InfoView(Engine engine, String id) {
    this.engine = engine;
    this.id = id;
    this.entity = find(id);
  }

  private Entity find(String id) {
    KnowledgeBase kb = engine.kb();
    Entity e = kb.lookup(id);
    if (e != null) {
      return e;
    }
    if (kb.named(id).size() > 1) {
      return null; // an alias several ops share: the search's best hit would be a guess
    }
    if (id.contains("(")) {
      // a binned SoC part is a call: devq info 'm3_max(gpu_cores = 30)'
      Interpreter.Run run =
          new Interpreter(engine).run(new SourceText("<info>", id), Session.EMPTY, false);
      if (!run.ok()) {
        callProblems = run.diagnostics();
        return null;
      }
      if (run.outcomes().size() == 1
          && run.outcomes().get(0) instanceof Outcome.Shown shown
          && shown.value() instanceof Value.EntityV part) {
        return part.entity();
      }
    }
    List<Entity> found =
        engine.index().search(id, List.of(), 1).stream().map(h -> kb.entity(h.id())).toList();
    e = found.isEmpty() ? null : found.get(0);
    return e != null && SearchMatch.close(id, e) ? e : null;
  }

  /** The text, or null when nothing has this id. */
  public String text() {
    if (entity != null) {
      return InfoText.entity(engine, entity);
    }
    KnowledgeBase kb = engine.kb();
    NamedQuantity named =
        kb.budgets().containsKey(id) ? kb.budgets().get(id) : kb.constants().get(id);
    if (named != null) {
      return named.id()
          + " = "
          + QuantityFormat.format(named.value().value())
          + "\n  "
          + named.description()
          + "\n  "
          + InfoText.provenance(named.value().provenance())
          + "\n";
    }
    Source s = kb.sources().get(id);
    if (s != null) {
      return s.id() + "\n  " + s.title() + "\n  " + s.url() + "\n  read " + s.read() + "\n";
    }
    return null;
  }

  /** The JSON of an entity, a budget or constant ({@code kind} says which), or a source. */
  public JsonNode json() {
    if (entity != null) {
      return InfoJson.entity(engine, entity);
    }
    KnowledgeBase kb = engine.kb();
    var o = JsonRender.MAPPER.createObjectNode();
    NamedQuantity named =
        kb.budgets().containsKey(id) ? kb.budgets().get(id) : kb.constants().get(id);
    if (named != null) {
      o.put("id", named.id());
      o.put("kind", kb.budgets().containsKey(id) ? "budget" : "constant");
      o.set("value", JsonRender.quantity(named.value().value()));
      o.put("description", named.description());
      o.put("confidence", named.value().provenance().confidence().label());
      o.put("source", named.value().provenance().source());
      return o;
    }
    Source s = kb.sources().get(id);
    if (s == null) {
      return null;
    }
    return o.put("id", s.id())
        .put("kind", "source")
        .put("title", s.title())
        .put("url", s.url())
        .put("read", String.valueOf(s.read()));
  }

  /** Why an id written as a call did not evaluate; empty when it was not a call, or evaluated. */
  public List<Diagnostic> callProblems() {
    return callProblems;
  }

  /** The kinds {@code devq list} lists, as a user may write them, and the word it takes. */
  private static final Map<String, String> KINDS =
      Map.of(
          "soc", "socs", "socs", "socs", "device", "devices", "devices", "devices", "model",
          "models", "models", "models", "op", "ops", "ops", "ops");

  /** Why nothing was found, with the nearest ids: the message and a note of where to look. */
  public List<String> notFound() {
    KnowledgeBase kb = engine.kb();
    List<String> sharing = kb.named(id);
    if (sharing.size() > 1) {
      return List.of(
          "'" + CharacterNames.visible(id) + "' is an alias of " + String.join(", ", sharing),
          "name one of them: devq info " + sharing.get(0));
    }
    String kind = KINDS.get(id.toLowerCase(Locale.ROOT));
    if (kind != null) {
      // 'socs' was looked up as a name and 'acos' suggested for it
      return List.of(
          "'" + id + "' is a kind of entity, not one", "devq list " + kind + " lists them");
    }
    if (LanguageHelp.isFunction(id) || LanguageHelp.word(id) != null) {
      return List.of(
          "'" + id + "' is a word of the query language, not an entity",
          "devq help " + id + " says what it means");
    }
    Set<String> names = new LinkedHashSet<>();
    kb.entities().forEach(x -> names.add(x.id()));
    names.addAll(kb.budgets().keySet());
    names.addAll(kb.sources().keySet());
    List<String> near = new ArrayList<>(engine.index().suggest(id, List.of(), 3));
    String close = Suggestions.closest(id, names);
    if (!close.isEmpty() && !near.contains(close)) {
      near.add(0, close);
    }
    // the id is the user's argument, echoed on a terminal: its control characters shown, not run
    String shown = CharacterNames.visible(id);
    String message =
        "nothing is called '"
            + shown
            + "'"
            + (near.isEmpty()
                ? ""
                : "; did you mean "
                    + String.join(", ", near.stream().map(n -> "'" + n + "'").toList())
                    + "?");
    return List.of(
        message,
        "try 'devq list socs|devices|models|ops|budgets|sources' or 'devq search " + shown + "'");
  }
}
