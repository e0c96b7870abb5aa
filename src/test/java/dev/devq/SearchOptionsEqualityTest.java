package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchOptions}' equality, written out to keep Java 17's record bootstrap off a one-shot
 * search, keeps a record's meaning: equal options are equal with equal hashes, absent options
 * included, and any one option changed is a different value.
 */
class SearchOptionsEqualityTest {
  private static final SearchOptions BASE = new SearchOptions("ane", "a16", "iOS 17", 5);

  @Test
  void equalOptionsAreEqualWithEqualHashes() {
    var same = new SearchOptions("ane", "a16", "iOS 17", 5);
    assertEquals(BASE, same);
    assertEquals(BASE.hashCode(), same.hashCode());
    var none = new SearchOptions(null, null, null, 10);
    assertEquals(none, new SearchOptions(null, null, null, 10));
    assertEquals(none.hashCode(), new SearchOptions(null, null, null, 10).hashCode());
  }

  @Test
  void everyOptionCounts() {
    List<SearchOptions> others =
        Arrays.asList(
            new SearchOptions("gpu", "a16", "iOS 17", 5),
            new SearchOptions(null, "a16", "iOS 17", 5),
            new SearchOptions("ane", "a17p", "iOS 17", 5),
            new SearchOptions("ane", null, "iOS 17", 5),
            new SearchOptions("ane", "a16", "iOS 18", 5),
            new SearchOptions("ane", "a16", null, 5),
            new SearchOptions("ane", "a16", "iOS 17", 6));
    others.forEach(o -> assertNotEquals(BASE, o, o.toString()));
    others.forEach(o -> assertNotEquals(o, BASE, o.toString()));
    assertNotEquals(BASE, null);
    assertNotEquals(BASE, "ane a16 iOS 17 5");
  }
}
