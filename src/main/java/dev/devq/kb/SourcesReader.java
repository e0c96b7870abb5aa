package dev.devq.kb;

import dev.devq.lang.CharacterNames;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code sources.yaml}. */
final class SourcesReader {
  /** A URL scheme (RFC 3986: a letter, then letters, digits, +, - or .) and its colon. */
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");

  /**
   * A DOI after its {@code doi:} scheme: {@code 10.}, the registrant's digits (dotted), a slash and
   * a suffix without spaces (the DOI Handbook's syntax).
   */
  private static final Pattern DOI = Pattern.compile("10\\.[0-9]+(\\.[0-9]+)*/\\S+");

  /**
   * Schemes a browser runs or reads locally when a link is opened: refused even where a space after
   * the colon makes the text read as words ({@code javascript: alert(1)} still runs as a link).
   */
  private static final List<String> ACTIVE = List.of("javascript", "vbscript", "data", "file");

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
      } else if (!linkable(url)) {
        s.problems()
            .error(
                s.raw("url"),
                "source '"
                    + id
                    + "' has the url '"
                    + CharacterNames.visible(url)
                    + "': only http, https and doi links are allowed",
                "link to its page with https://… or give its DOI as doi:10.…/…, or describe a"
                    + " source off the web in words ('AnandTech: M1 review', 'a printed datasheet,"
                    + " page 4')");
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

  /**
   * Whether a source's url is safe to show: an http or https URL, a DOI ({@code
   * doi:10.1145/3458817}, shown as written; it resolves at {@code https://doi.org/} followed by the
   * DOI), or words saying where a source off the web is. A scheme is RFC 3986's: a letter, then
   * letters, digits, {@code + - .}, and a colon with no space after it; a word and a colon followed
   * by a space ({@code AnandTech: M1 review}) is prose. The text is read as a browser reads a link,
   * which drops tabs and line breaks anywhere and leading control characters and spaces, so a
   * {@code javascript:} split by a tab is refused as the plain one is. The schemes that run or read
   * something when opened ({@link #ACTIVE}) are refused even before a space.
   */
  static boolean linkable(String url) {
    String seen = url.replaceAll("[\\t\\n\\r]", "").replaceFirst("^[\\x00-\\x20]+", "");
    Matcher scheme = SCHEME.matcher(seen);
    if (!scheme.lookingAt()) {
      return true;
    }
    String name = scheme.group(1).toLowerCase(Locale.ROOT);
    String rest = seen.substring(scheme.end());
    if (ACTIVE.contains(name)) {
      return false;
    }
    if (!rest.isEmpty() && Character.isWhitespace(rest.charAt(0))) {
      return true;
    }
    return switch (name) {
      case "http", "https" -> true;
      case "doi" -> DOI.matcher(rest).matches();
      default -> false;
    };
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
