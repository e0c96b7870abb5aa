package dev.devq.kb;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chips and OS releases a source actually tested ({@code tested:} of a source in {@code
 * sources.yaml}). A shape limit resting on that source holds only inside this range; outside it
 * nothing is known, so {@link SupportRule#limitHolds} answers that the limit does not apply and
 * placement notes the unit's support as unknown. An empty {@code socs} covers every chip; an empty
 * {@code lastOs} every release.
 *
 * <pre>{@code
 * new TestedRange(List.of("a12", "a13"), "iOS 14").covers(a13, OsVersion.parse("iOS 14")) // true
 * new TestedRange(List.of("a12", "a13"), "iOS 14").covers(a17Pro, null)                   // false
 * }</pre>
 */
public record TestedRange(List<String> socs, String lastOs) {
  /** A source that says nothing about its range: it covers everything. */
  public static final TestedRange ANY = new TestedRange(List.of(), "");

  private static final Pattern PART = Pattern.compile("(?i)(ios|ipados|macos)\\s*(\\d+)");

  public TestedRange {
    socs = List.copyOf(socs);
  }

  /**
   * Whether {@code soc} under {@code os} lies inside the range. A null {@code os} means the newest
   * release the chip runs, which is past any bound a source gives (every chip in the catalog runs a
   * release newer than the 2020-era sources), so it is outside when a bound exists.
   */
  public boolean covers(Soc soc, OsVersion os) {
    if (!socs.isEmpty() && !socs.contains(soc.id())) {
      return false;
    }
    if (lastOs.isEmpty()) {
      return true;
    }
    if (os == null) {
      return false;
    }
    Matcher m = PART.matcher(lastOs);
    while (m.find()) {
      if (OsVersion.parse(m.group(1) + " 0").platform().equals(os.platform())) {
        return os.major() <= Integer.parseInt(m.group(2));
      }
    }
    return false;
  }

  /** Whether a {@code last_os} text names at least one release ({@code iOS 14 / macOS 11}). */
  static boolean validLastOs(String text) {
    return PART.matcher(text).find();
  }

  /** {@code A12, A13; to iOS 14 / macOS 11}, for notes; empty when the range is everything. */
  public String describe() {
    String chips = String.join(", ", socs);
    String os = lastOs.isEmpty() ? "" : "to " + lastOs;
    return chips.isEmpty() ? os : os.isEmpty() ? chips : chips + "; " + os;
  }
}
