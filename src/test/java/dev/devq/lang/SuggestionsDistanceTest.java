package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bounded edit distance that search scans its vocabulary with gives what the whole table gives,
 * capped at the bound plus one: the early stop, the three kept rows and the band around the
 * diagonal lose nothing.
 */
class SuggestionsDistanceTest {
  /** The full optimal-string-alignment table, written out as the textbook has it. */
  private static int table(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String word(Random r) {
    var s = new StringBuilder();
    for (int n = r.nextInt(15); n > 0; n--) {
      s.append((char) ('a' + r.nextInt(4)));
    }
    return s.toString();
  }

  @Test
  void boundedAndUnboundedAgreeWithTheFullTable() {
    var r = new Random(19);
    for (int k = 0; k < 20_000; k++) {
      String a = word(r);
      String b = r.nextInt(3) == 0 ? a : word(r);
      int full = table(a, b);
      assertEquals(full, Suggestions.distance(a, b), a + " / " + b);
      for (int max = 0; max <= 3; max++) {
        assertEquals(Math.min(full, max + 1), Suggestions.distanceAtMost(a, b, max), a + " / " + b);
      }
    }
    assertEquals(1, Suggestions.distance("layernrom", "layernorm"));
    assertEquals(2, Suggestions.distanceAtMost("softmax", "", 1));
  }
}
