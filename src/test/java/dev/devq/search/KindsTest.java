package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.devq.DevqAssertions;
import dev.devq.kb.Entity;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A {@code kind:} filter is checked against the one list of kinds the index holds. */
class KindsTest {
  @Test
  void theKindsAreTheKindsOfTheEntitiesIndexed() {
    Set<String> indexed = new TreeSet<>();
    for (Entity e : DevqAssertions.kb().entities()) {
      indexed.add(e.kind());
    }
    assertEquals(new TreeSet<>(Kinds.ALL), indexed);
    for (String kind : Kinds.ALL) {
      assertFalse(
          DevqAssertions.engine().index().search("kind:" + kind, List.of(), 1).isEmpty(), kind);
    }
  }

  @Test
  void anUnknownKindNamesTheKindsAndTheNearest() {
    assertEquals(
        "unknown kind 'devise' in kind:devise; the kinds are op, soc, device, model (did you mean"
            + " 'kind:device'?)",
        Kinds.unknown("kind:devise iphone"));
    assertEquals(
        "unknown kind '' in kind:; the kinds are op, soc, device, model",
        Kinds.unknown("relu kind:"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      kind:soc a17 pro
      KIND:Device iphone
      layer norm
      category:activation kind:op
      mankind:foo relu
      """)
  void aKnownKindOrNoKindFilterIsFine(String query) {
    assertEquals("", Kinds.unknown(query));
  }

  @Test
  void onlyAKindFilterChoosesTheKinds() {
    assertEquals(true, Kinds.filtered("a17 Kind:soc"));
    assertEquals(false, Kinds.filtered("category:activation gelu"));
  }
}
