package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * One ranked search of all kinds, filtered by kind afterwards, gives the hits a Lucene search
 * filtered by kind gives: the same entities, the same scores to the bit, in the same order, ties
 * included; and its first hit is the best kind. Asked for every id, name, alias and name word, a
 * typo of each, filters, and the queries of the search goldens.
 */
class RankedOnceTest {
  private static final List<List<String>> KINDS =
      List.of(List.of(), List.of("op"), List.of("soc", "device", "model"), List.of("model"));

  @Test
  void filteringOneRankingIsAFilteredSearch() throws IOException {
    var kb = DevqAssertions.kb();
    List<String> texts = new ArrayList<>(StrengthsTest.texts(kb));
    texts.addAll(goldenQueries());
    texts.addAll(
        List.of(
            "category:activation",
            "category:normalization",
            "kind:soc a17 pro",
            "kind:model resnet",
            "kind:device",
            "category:pooling max"));
    // each text ranked once, when first asked: what the index remembers is another text's ranking
    SearchIndex index = SearchIndex.build(kb);
    int compared = 0;
    for (String text : texts) {
      String clipped = PlainText.clip(text);
      for (List<String> kinds : KINDS) {
        for (int limit : List.of(1, 3, 10, 500)) {
          Query filtered = index.parse(clipped, kinds);
          List<Hit> expected = filtered == null ? List.of() : index.opened().run(filtered, limit);
          assertEquals(
              expected, index.hits(clipped, kinds, limit), text + " " + kinds + " " + limit);
          compared += expected.size();
        }
      }
      Query all = index.parse(clipped, List.of());
      List<Hit> best = all == null ? List.of() : index.opened().run(all, 1);
      assertEquals(best.isEmpty() ? null : best.get(0).kind(), index.bestKind(text), text);
    }
    assertTrue(compared > 10_000, "hits compared: " + compared);
  }

  /** The words of every {@code search} command of the CLI goldens, before its options. */
  static List<String> goldenQueries() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden/cli"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".cmd")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.startsWith("search ")) {
            String words = line.substring("search ".length()).split(" --")[0];
            out.add(words.replace("'", ""));
          }
        }
      }
    }
    assertTrue(out.size() > 10, "search goldens found: " + out);
    return out;
  }
}
