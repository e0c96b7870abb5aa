package dev.devq.view;

import dev.devq.cost.OutOfScope;
import dev.devq.kb.OsVersion;
import dev.devq.query.eval.Value;
import java.util.List;

/**
 * What an estimate's 80% range says of itself under the value that shows it, in every format of
 * {@code eval} and {@code check}: that there is none, because the runtime's measurements never
 * covered a model of its kind ({@link OutOfScope}); or that it allows for an older OS release: the
 * top of a latency that names no {@code os}, on a device that shipped with iOS 16 or earlier,
 * reaches the cost of entering the Neural Engine there ({@link
 * dev.devq.cost.Prediction#rangeAllowsFor}). A check that passes says it too: it is exactly its
 * pessimistic end that the older release moves.
 *
 * <pre>{@code
 * RangeNote.line(new OsVersion("ios", 16))
 * // the 80% range allows for iOS 16, which the device may still run: name the release to
 * // narrow it, e.g. os = "iOS 17"
 * }</pre>
 */
public final class RangeNote {
  private RangeNote() {}

  /** One line per release, in order; none for none. */
  public static List<String> lines(List<OsVersion> releases) {
    return releases.stream().map(RangeNote::line).toList();
  }

  /**
   * The lines under an outcome's value: why estimates it shows have no 80% range ({@link
   * #line(OutOfScope)}), then what its ranges allow for, then what its figures rest on that they do
   * not show ({@link dev.devq.query.eval.Caveat}), then why a table's cells that read an end of a
   * missing range are unknown ({@link UnknownCells}) and which rows rest on a caveat ({@link
   * CaveatCells}).
   */
  public static List<String> lines(dev.devq.query.eval.Outcome o) {
    List<String> out = new java.util.ArrayList<>();
    o.rangeOutOfScope().forEach(why -> out.add(line(why)));
    out.addAll(lines(o.rangeAllowsFor()));
    o.caveats().forEach(c -> out.add(c.text()));
    // a table's cell shows only its figure: what it lacks or rests on goes under the table
    for (Value v : o.shownFigures()) {
      if (v instanceof Value.TableV t) {
        out.addAll(UnknownCells.lines(t));
        out.addAll(CaveatCells.lines(t));
      }
    }
    return out;
  }

  /** {@link OutOfScope#brief}, short enough for a chart's subtitle. */
  public static String brief(OutOfScope why) {
    return why.brief();
  }

  /** {@link OutOfScope#line}: the engine words it, as it gives it as an unknown answer's reason. */
  public static String line(OutOfScope why) {
    return why.line();
  }

  /** The line for one release the range allows for, with the argument that narrows it. */
  public static String line(OsVersion release) {
    return "the 80% range allows for "
        + release
        + ", which the device may still run: name the release to narrow it, e.g. "
        + naming(release);
  }

  /** {@code os = "iOS 17"}: the release after {@code older}, as a query names it. */
  static String naming(OsVersion older) {
    return "os = \"" + older.platformName() + " " + (older.major() + 1) + "\"";
  }
}
