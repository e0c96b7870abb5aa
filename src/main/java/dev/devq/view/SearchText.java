package dev.devq.view;

import dev.devq.kb.Device;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.kb.Source;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.search.Hit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The text of {@code devq search}: a support grid per op, one line per other entity, then the
 * legend and the sources the notes cite, each once.
 */
public final class SearchText {
  private SearchText() {}

  /**
   * The search result as text. Hits matched by name get their grid or line; weak matches (only a
   * common word or the prose matched) are named on one line after them, and when nothing matched by
   * name the text says so first, with the query words that name nothing. The nearest op and the
   * unmatched words are asked for only when the text says them: most searches have named hits. A
   * {@code hint} (the category the query names), when not empty, is the last line.
   */
  public static String render(
      KnowledgeBase kb,
      String query,
      List<Hit> hits,
      SupportGrid grid,
      Supplier<List<String>> nearest,
      Supplier<List<String>> unmatchedWords,
      String hint) {
    String answer = answer(kb, query, hits, grid, nearest, unmatchedWords);
    return hint.isEmpty() ? answer : answer + hint + "\n";
  }

  private static String answer(
      KnowledgeBase kb,
      String query,
      List<Hit> hits,
      SupportGrid grid,
      Supplier<List<String>> nearest,
      Supplier<List<String>> unmatchedWords) {
    if (hits.isEmpty()) {
      List<String> near = nearest.get();
      return "nothing matches '"
          + query
          + "'"
          + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?")
          + "\n";
    }
    List<Hit> named = hits.stream().filter(h -> h.strength() != Hit.Strength.WEAK).toList();
    List<String> weak =
        hits.stream().filter(h -> h.strength() == Hit.Strength.WEAK).map(Hit::id).toList();
    if (named.isEmpty()) {
      List<String> unmatched = unmatchedWords.get();
      String what = hits.stream().allMatch(h -> h.kind().equals("op")) ? "op" : "entry";
      return "no "
          + what
          + (unmatched.isEmpty()
              ? " is named by '" + query + "'"
              : " matches '" + String.join(" ", unmatched) + "'")
          + "; nearest (weak matches): "
          + String.join(", ", weak)
          + "\n";
    }
    // the tip to filter by kind reads oddly under a query that already filters by kind
    String body = named(kb, named, grid, !query.contains("kind:"));
    return weak.isEmpty() ? body : body + "weak matches: " + String.join(", ", weak) + "\n";
  }

  private static String named(KnowledgeBase kb, List<Hit> hits, SupportGrid grid, boolean kindTip) {
    var out = new StringBuilder();
    Set<String> cited = new LinkedHashSet<>();
    boolean entities = false;
    for (Hit h : hits) {
      Entity e = kb.entity(h.id());
      if (e instanceof Op op) {
        out.append(grid.text(op)).append('\n');
        cited.addAll(grid.sources(op));
      } else {
        out.append(line(e)).append('\n');
        entities = true;
      }
    }
    if (!cited.isEmpty()) {
      out.append(SupportGrid.LEGEND).append('\n');
      out.append("sources:\n");
      cited.forEach(
          id -> out.append("  ").append(id).append("  ").append(where(kb, id)).append('\n'));
    }
    if (entities) {
      out.append(cited.isEmpty() ? "\n" : "")
          .append("devq info ID shows every field with its source")
          .append(kindTip ? "; kind:op searches operators only\n" : "\n");
    }
    return out.toString();
  }

  /** Where a source can be read: its URL, or its title when it has none. */
  public static String where(KnowledgeBase kb, String sourceId) {
    Source s = kb.sources().get(sourceId);
    if (s == null) {
      return "";
    }
    return s.url() == null || s.url().isEmpty() ? s.title() : s.url();
  }

  /**
   * What one Core ML prediction reaches of an engine quoted for two dies: {@code " (15.8 TOPS for
   * one Core ML prediction)"}, or nothing on a chip with one engine.
   */
  private static String coremlPart(Soc s) {
    double share = s.coremlAneShare();
    if (share >= 1) {
      return "";
    }
    Quantity peak = s.ane().peakFp16().value();
    return " ("
        + QuantityFormat.format(
            Quantity.of(peak.value() * share, peak.dimension()).withDisplayUnit("TOPS"))
        + " for one Core ML prediction)";
  }

  /** {@code iphone_15 — iPhone 15 (device): A16 Bionic, 6 GB RAM, phone, 2023}. */
  public static String line(Entity e) {
    String head = e.id() + " — " + e.name() + " (" + e.kind() + ")";
    if (e instanceof Device d) {
      return head
          + ": "
          + d.soc()
          + ", "
          + QuantityFormat.format(d.ram().value())
          + " RAM, "
          + d.formFactor().key()
          + ", "
          + d.year().value();
    }
    if (e instanceof Soc s) {
      return head
          + ": "
          + s.year().value()
          + ", Neural Engine "
          + QuantityFormat.format(s.ane().peakFp16().value())
          + " fp16"
          + coremlPart(s)
          + ", "
          + QuantityFormat.format(s.bandwidth().value());
    }
    if (e instanceof ModelProfile m) {
      return head + ": " + m.task();
    }
    return head;
  }
}
