package dev.devq.view;

import dev.devq.kb.Entity;
import dev.devq.search.GluedName;

/**
 * Whether a search hit stands for what the user typed in {@code info}: the same letters and digits
 * ("iPhone 15 Pro" for iphone_15_pro). A near miss is an error with a suggestion, never a guess.
 */
public final class SearchMatch {
  private SearchMatch() {}

  public static boolean close(String typed, Entity e) {
    String a = GluedName.of(typed);
    for (String n :
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(e.id(), e.name()), e.aliases().stream())
            .toList()) {
      String b = GluedName.of(n);
      if (a.equals(b)) {
        return true;
      }
    }
    return false;
  }
}
