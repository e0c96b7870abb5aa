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
        int byValue = compareDigits(a.substring(i, ei), b.substring(j, ej));
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

  /** Compares digit runs by value without parsing, so any length works. */
  private static int compareDigits(String x, String y) {
    String a = x.replaceFirst("^0+(?=.)", "");
    String b = y.replaceFirst("^0+(?=.)", "");
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
