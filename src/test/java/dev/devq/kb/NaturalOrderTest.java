package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order ids are listed in: digit runs by value, the rest by character. */
class NaturalOrderTest {
  @ParameterizedTest
  @CsvSource({
    "ipad_9, ipad_10, -1",
    "iphone_8, iphone_11, -1",
    "a007, a7, 0",
    "a0, a00, 0",
    "a0, a1, -1",
    "a10b2, a10b10, -1",
    "a10b, a10, 1",
    "m5, m5_max, -1",
    "m3_max, m3_pro, -1",
    "x0012, x12, 0",
    "x0013, x12, 1",
    "a19, a19_pro, -1",
  })
  void countsDigitRunsByValue(String a, String b, int sign) {
    assertEquals(sign, Integer.signum(NaturalOrder.INSTANCE.compare(a, b)), a + " vs " + b);
    assertEquals(-sign, Integer.signum(NaturalOrder.INSTANCE.compare(b, a)), b + " vs " + a);
  }

  /** Random ids of letters, underscores and digit runs with leading zeros, against a reference. */
  @Test
  void agreesWithComparingTheDigitRunsAsNumbers() {
    var random = new Random(19);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      var id = new StringBuilder();
      int parts = 1 + random.nextInt(4);
      for (int p = 0; p < parts; p++) {
        id.append(
            switch (random.nextInt(3)) {
              case 0 -> "0".repeat(random.nextInt(3)) + random.nextInt(120);
              case 1 -> "_";
              default -> String.valueOf((char) ('a' + random.nextInt(4)));
            });
      }
      ids.add(id.toString());
    }
    for (String a : ids) {
      for (String b : ids) {
        assertEquals(
            Integer.signum(reference(a, b)),
            Integer.signum(NaturalOrder.INSTANCE.compare(a, b)),
            a + " vs " + b);
      }
    }
  }

  /** The same order, spelled out with numbers: each id split into digit runs and other text. */
  private static int reference(String a, String b) {
    List<String> x = runs(a);
    List<String> y = runs(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      String p = x.get(i);
      String q = y.get(i);
      boolean digits = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0));
      int c =
          digits
              ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q))
              : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  /** Each character on its own, except that a run of digits is one item. */
  private static List<String> runs(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int j = i + 1;
      if (Character.isDigit(s.charAt(i))) {
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
      }
      out.add(s.substring(i, j));
      i = j;
    }
    return out;
  }
}
