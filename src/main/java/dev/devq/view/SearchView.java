package dev.devq.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Device;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.query.eval.Engine;
import dev.devq.search.Hit;
import dev.devq.search.Kinds;
import dev.devq.search.NamedCategory;
import dev.devq.search.Resolution;
import dev.devq.search.SearchIndex;
import java.util.List;
import java.util.Locale;

/**
 * {@code devq search}: which units run an op, on which SoC generations, with limits and notes. Ops
 * by default; a query that names a device, SoC or model better than any op lists those instead, and
 * {@code kind:op}, {@code kind:device}, {@code kind:soc} or {@code kind:model} chooses.
 */
public final class SearchView {
  private final Engine engine;
  private final String query;
  private final List<Hit> hits;
  private final SupportGrid grid;

  /** The op category the query names, when the hits leave some of its ops out; else null. */
  private final NamedCategory category;

  /** Searches; {@code narrowed} (a unit, SoC or OS filter was given) searches ops only. */
  public SearchView(
      Engine engine,
      String query,
      int limit,
      boolean narrowed,
      ComputeUnit onlyUnit,
      Soc onlySoc,
      OsVersion release) {
    this.engine = engine;
    this.query = query;
    // The grid needs only the knowledge base: made first, it is made while a one-shot search would
    // otherwise only wait for the index to open (a cold grid takes ~13 ms, the wait 10-65 ms).
    this.grid = SupportGrids.of(engine.kb()).grid(onlyUnit, onlySoc, release);
    SearchIndex index = engine.index();
    List<String> kinds = kinds(index, query, narrowed);
    if (filtersCategory(query) || Kinds.listsOnly(query)) {
      // a category lists every op it holds, kind: filters alone every entity of their kinds:
      // search them all to say how many --limit leaves out
      List<Hit> all = index.search(query, kinds, Math.max(limit, engine.kb().entities().size()));
      this.hits = all.subList(0, Math.min(limit, all.size()));
      this.matched = all.size();
    } else {
      this.hits = index.search(query, kinds, limit);
      this.matched = hits.size();
    }
    this.category = CategoryHint.of(index, query, kinds, hits);
  }

  /** How many hits matched in all; more than {@code hits} when {@code --limit} cut a category. */
  private final int matched;

  private static boolean filtersCategory(String query) {
    return !filteredCategory(query).isEmpty();
  }

  /** The category of the query's first {@code category:} filter, or empty. */
  private static String filteredCategory(String query) {
    for (String w : query.strip().split("\\s+")) {
      if (w.toLowerCase(Locale.ROOT).startsWith("category:")) {
        return w.substring("category:".length());
      }
    }
    return "";
  }

  /** {@code 18 more; --limit 23 shows them all}, or empty when nothing was cut. */
  private String cut() {
    int more = matched - hits.size();
    return more <= 0 ? "" : more + " more; --limit " + matched + " shows them all";
  }

  /**
   * The kinds to search: what a {@code kind:} filter says, ops when a grid option is given, else
   * ops unless the best match of all is another entity ("iphone 15", a17_pro).
   */
  private static List<String> kinds(SearchIndex index, String query, boolean narrowed) {
    if (Kinds.filtered(query)) {
      return List.of();
    }
    if (narrowed) {
      return Kinds.OPS;
    }
    String best = index.bestKind(query);
    return best == null || Kinds.OPS.contains(best) ? Kinds.OPS : Kinds.NOT_OPS;
  }

  /** The SoC named by {@code --soc}: a SoC or a device (its SoC), by any of its names, or null. */
  public static Soc soc(Engine engine, String name) {
    KnowledgeBase kb = engine.kb();
    Entity e = kb.lookup(name);
    if (e == null) {
      Resolution r = engine.index().resolve(name, List.of("soc", "device"), true);
      e = r.resolved() ? kb.entity(r.id()) : null;
    }
    if (e instanceof Soc s) {
      return s;
    }
    return e instanceof Device d ? kb.socOf(d) : null;
  }

  /**
   * The "did you mean" for a {@code --soc} that names no SoC or device, with its separator, or
   * empty; a model or op it names is said to be one.
   */
  public static String hint(Engine engine, String name) {
    Entity other = engine.kb().lookup(name);
    if (other != null) {
      // a model or op: its near SoC ids ('m2' for mobilenet_v2) are no help
      return "; '"
          + other.id()
          + "' is "
          + (other.kind().equals("op") ? "an op" : "a " + other.kind());
    }
    String note = engine.resolver().suggest(name, List.of("soc", "device"), List.of());
    return note.isEmpty() ? "" : "; " + note;
  }

  public String text() {
    SearchIndex index = engine.index();
    return SearchText.render(
        engine.kb(),
        query,
        hits,
        grid,
        () -> index.suggest(query, List.of("op"), 1),
        () -> index.unmatchedWords(query),
        category == null ? cut() : CategoryHint.line(category));
  }

  public ArrayNode json() {
    KnowledgeBase kb = engine.kb();
    ArrayNode array = JsonRender.MAPPER.createArrayNode();
    for (Hit h : hits) {
      Entity e = kb.entity(h.id());
      ObjectNode o;
      if (e instanceof Op op) {
        o = array.addObject();
        o.put("id", op.id());
        o.put("kind", op.kind());
        o.put("name", op.name());
        o.put("category", op.category());
        o.put("score", Math.round(h.score() * 1000) / 1000.0);
        o.put("match", h.strength().name().toLowerCase(Locale.ROOT));
        ArrayNode aliases = o.putArray("aliases");
        op.aliases().forEach(aliases::add);
        grid.json(op, o);
        ObjectNode sources = o.putObject("sources");
        grid.sources(op).forEach(id -> sources.put(id, SearchText.where(kb, id)));
      } else {
        o = (ObjectNode) InfoJson.entity(engine, e);
        o.put("score", Math.round(h.score() * 1000) / 1000.0);
        o.put("match", h.strength().name().toLowerCase(Locale.ROOT));
        array.add(o);
      }
    }
    if (category != null) {
      CategoryHint.json(category, array);
    } else if (filtersCategory(query) && !cut().isEmpty()) {
      // the same element a category the words name ends with: the query and how many it holds
      ObjectNode more = array.addObject();
      more.put("id", filteredCategory(query));
      more.put("kind", "category");
      more.put("ops", matched);
      more.put("query", query.strip());
    } else if (!cut().isEmpty()) {
      // kind: filters alone: an element of its own kind, so a reader of the category element never
      // takes SoCs for ops; 'more' and 'matched' are the text's two numbers
      ObjectNode more = array.addObject();
      more.put("id", String.join(" ", query.strip().split("\\s+")));
      more.put("kind", "more");
      more.put("more", matched - hits.size());
      more.put("matched", matched);
    }
    return array;
  }
}
