package dev.devq.kb;

import java.util.Comparator;

/**
 * Orders ids the way people count: runs of digits compare by value, so {@code ipad_9} comes before
 * {@code ipad_10} and {@code iphone_8} before {@code iphone_11}; the rest compares by character.
 *
 * <pre>{@code
 * NaturalOrder.INSTANCE.compare("ipad_9", "ipad_10")   // negative
 * }</pre>
 */
public final class NaturalOrder implements Comparator<String> {
  /** The one instance; the order has no state. */
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = digitsEnd(a, i);
        int ej = digitsEnd(b, j);
        int byValue = compareDigits(a, i, ei, b, j, ej);
        if (byValue != 0) {
          return byValue;
        }
        i = ei;
        j = ej;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int digitsEnd(String s, int from) {
    int k = from;
    while (k < s.length() && Character.isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  /**
   * Compares the digit runs {@code a[ai, ae)} and {@code b[bi, be)} by value without parsing, so
   * any length works: leading zeros skipped (one digit kept), then the longer run is larger, then
   * digit by digit. No substrings or regular expressions: every start sorts the knowledge base's
   * ids with this, before anything is compiled.
   */
  private static int compareDigits(String a, int ai, int ae, String b, int bi, int be) {
    while (ai < ae - 1 && a.charAt(ai) == '0') {
      ai++;
    }
    while (bi < be - 1 && b.charAt(bi) == '0') {
      bi++;
    }
    if (ae - ai != be - bi) {
      return Integer.compare(ae - ai, be - bi);
    }
    for (; ai < ae; ai++, bi++) {
      if (a.charAt(ai) != b.charAt(bi)) {
        return Character.compare(a.charAt(ai), b.charAt(bi));
      }
    }
    return 0;
  }
}
