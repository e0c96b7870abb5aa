package dev.devq.kb;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code sources.yaml}. */
final class SourcesReader {
  private SourcesReader() {}

  static List<Source> read(Fields f) {
    List<Source> out = new ArrayList<>();
    Map<String, Origin> seen = new HashMap<>();
    for (Fields s : f.objects("sources", true)) {
      String id = s.id("id");
      Origin first = seen.putIfAbsent(id, s.origin());
      if (first != null) {
        s.problems()
            .error(
                s.node(),
                "duplicate source id '" + id + "'",
                "first defined at " + first.position());
      }
      String title = s.id("title");
      String url = s.text("url", "");
      String read = s.text("read", "");
      // A missing or unknown kind is reported by word(); REPORT keeps the rest of the checks going.
      Evidence parsed = Evidence.parse(s.word("evidence", Evidence.labels(), ""));
      Evidence evidence = parsed == null ? Evidence.REPORT : parsed;
      if (url.isEmpty()) {
        s.problems().error(s.node(), "source '" + id + "' needs a url", "");
      }
      if (!isDate(read)) {
        s.problems()
            .error(
                s.node(),
                "source '"
                    + id
                    + "' needs 'read: YYYY-MM' or 'YYYY-MM-DD', a real date (when it was read), found '"
                    + read
                    + "'",
                "");
      }
      TestedRange tested = tested(s.object("tested", false));
      s.finish();
      out.add(new Source(id, title, url, read, evidence, tested, s.origin()));
    }
    f.finish();
    return out;
  }

  /** {@code tested: {socs: [a12, a13], last_os: iOS 14}}: what the source covers. */
  private static TestedRange tested(Fields t) {
    if (t == null) {
      return TestedRange.ANY;
    }
    List<String> socs = t.texts("socs");
    String lastOs = t.text("last_os", "");
    if (!lastOs.isEmpty() && !TestedRange.validLastOs(lastOs)) {
      t.problems()
          .error(
              t.raw("last_os"),
              "'last_os' must name releases such as 'iOS 14 / macOS 11', found '" + lastOs + "'",
              "");
    }
    t.finish();
    return new TestedRange(socs, lastOs);
  }

  /**
   * {@code 2024-05} or {@code 2024-05-17}, and a real month and day ({@code 2026-13-45} is not).
   */
  private static boolean isDate(String text) {
    try {
      if (text.matches("\\d{4}-\\d{2}")) {
        YearMonth.parse(text);
        return true;
      }
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate.parse(text);
        return true;
      }
    } catch (DateTimeParseException notADate) {
      // falls through: reported by the caller
    }
    return false;
  }
}
