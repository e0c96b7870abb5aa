package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * The exact and named sets that {@link Strengths} reads from the postings are the documents that
 * {@link Matching#exact} and {@link Matching#named} match when Lucene runs them, for every id,
 * name, alias and name word of the knowledge base, a typo of each, and phrases.
 */
class StrengthsTest {
  private static final List<List<String>> KINDS =
      List.of(List.of(), List.of("op"), List.of("soc", "device", "model"));

  @Test
  void setsReadFromThePostingsAreWhatTheQueriesMatch() {
    KnowledgeBase kb = DevqAssertions.kb();
    SearchIndex search = SearchIndex.build(kb);
    OpenIndex index = search.opened();
    Matching matching = search.matching();
    Strengths strengths = search.strengths();
    int nonEmpty = 0;
    for (String text : texts(kb)) {
      BitSet exact = strengths.exact(text);
      same(index, exact, matching.exact(text), text);
      List<String> words = matching.words(text);
      for (int missable = 0; missable < Math.max(1, words.size()); missable++) {
        BitSet named = strengths.named(text, exact, words, missable);
        same(index, named, matching.named(text, words, missable), text + " less " + missable);
        nonEmpty += named.isEmpty() ? 0 : 1;
      }
    }
    assertTrue(nonEmpty > 1000, "most texts name something: " + nonEmpty);
  }

  private static void same(OpenIndex index, BitSet docs, Query query, String what) {
    for (List<String> kinds : KINDS) {
      assertEquals(
          index.ids(Matching.filtered(query, kinds, List.of()), index.maxDoc()),
          index.ids(docs, kinds),
          what + " " + kinds);
    }
  }

  /** The id with its middle letter left out: {@code layer_norm} → {@code layenorm}. */
  static String typo(String id) {
    String glued = id.replace("_", "");
    int middle = glued.length() / 2;
    return glued.length() < 4 ? glued : glued.substring(0, middle) + glued.substring(middle + 1);
  }

  /** Every id, name and alias, each name word, a typo of each id, and a few phrases. */
  static List<String> texts(KnowledgeBase kb) {
    Set<String> out = new LinkedHashSet<>();
    for (Entity e : kb.entities()) {
      out.add(e.id());
      out.add(e.name());
      out.addAll(e.aliases());
      out.addAll(List.of(e.name().split("[\\s_.]+")));
      out.add(typo(e.id()));
    }
    out.addAll(
        List.of(
            "layer norm",
            "depthwise separable convolution",
            "dense layer",
            "torch.nn.functional.frobnicate",
            "iphone 15",
            "ipad",
            "efficientnet b0",
            "sdpa",
            "kv cache"));
    out.remove("");
    return new ArrayList<>(out);
  }
}
