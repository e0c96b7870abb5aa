package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Figures the prose of the README and docs/ quotes from a command's output ("off by a median 6%",
 * "22 of 32") are that command's figures today. Each row names a page, the command (run as {@link
 * DocsCommand} runs a page's example, so a refit runs once per test JVM) and the sentence, in which
 * {@code {LABEL FIELD}} stands for a figure of the output line LABEL names: a summary line ({@code
 * N rows, median abs error X%, within ±10%: A%, …}) gives {@code rows}, {@code median}, {@code
 * w10}, {@code w25} and {@code w50}, labelled by the text beside it ({@code held out}, {@code
 * high}, a source; a label may be part of a long one; the summary line of a plain {@code validate}
 * is {@code total}), and a range line gives {@code inside}, {@code of} and {@code share} ({@code
 * 80% range: 31 of 44 rows inside (70%)}) or {@code share} alone ({@code 80% range contains 79% of
 * held-out rows}), labelled {@code range}, and a row of {@code validate} gives {@code predicted},
 * {@code measured} (in ms, as printed) and the signed {@code error} in percent ({@code -34}),
 * labelled by its expression (or a part of it naming one row: {@code mobilenet_v4_conv_m,
 * iphone_13}). {@code -Dgolden.update=true} writes today's figures into the sentence; a sentence
 * the page no longer has fails, so that its row is mended with the page. {@link DocsTourTest} holds
 * the rows.
 */
final class DocsFigures {
  private DocsFigures() {}

  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+) rows?, median abs error (\\d+)%, within ±10%: (\\d+)%, within ±25%: (\\d+)%,"
              + " within ±50%: (\\d+)%");
  private static final List<String> SUMMARY_FIELDS = List.of("rows", "median", "w10", "w25", "w50");
  private static final Pattern INSIDE =
      Pattern.compile("80% range: (\\d+) of (\\d+) rows inside \\((\\d+)%\\)");
  private static final Pattern CONTAINS =
      Pattern.compile("80% range contains (\\d+)% of held-out rows");
  private static final Pattern ROW =
      Pattern.compile(
          "^\\s*(\\d+(?:\\.\\d+)?) ms\\s+(\\d+(?:\\.\\d+)?) ms\\s+([+-]\\d+)%\\s+(latency\\(.*)$");
  private static final List<String> ROW_FIELDS = List.of("predicted", "measured", "error");
  private static final Pattern FIGURE = Pattern.compile("\\{([^{}]+) (\\w+)\\}");

  /** A figure in the sentence: a whole number, a decimal, or a signed percentage of a row. */
  private static final String NUMBER = "([-+]?\\d+(?:\\.\\d+)?)";

  /**
   * Asserts that {@code page} says {@code sentence} with the figures {@code command} prints today
   * ({@code -Dgolden.update=true}: writes them into it).
   */
  static void assertQuotes(String page, String command, String sentence) throws IOException {
    var run = DocsCommand.parse(command);
    assumeTrue(run.isPresent(), "the command reads measurements that are not here: " + command);
    Map<String, Map<String, String>> figures = figures(run.get().run(List.of()));
    Path file = DevqAssertions.projectDir().resolve(page);
    String text = Files.readString(file);
    Matcher found = pattern(sentence).matcher(text);
    assertTrue(found.find(), page + " no longer says: " + sentence);
    List<String> names = new ArrayList<>();
    FIGURE.matcher(sentence).results().forEach(m -> names.add(m.group(1) + " " + m.group(2)));
    var written = new StringBuilder(text);
    for (int g = names.size(); g >= 1; g--) {
      String today = figure(figures, names.get(g - 1));
      if (Boolean.getBoolean("golden.update")) {
        written.replace(found.start(g), found.end(g), today);
      } else {
        assertEquals(today, found.group(g), page + ": {" + names.get(g - 1) + "} in: " + sentence);
      }
    }
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, written.toString());
    }
  }

  /** The sentence as a pattern: its words as written (a line may break at any space). */
  private static Pattern pattern(String sentence) {
    var regex = new StringBuilder();
    int from = 0;
    Matcher m = FIGURE.matcher(sentence);
    while (m.find()) {
      regex.append(words(sentence.substring(from, m.start()))).append(NUMBER);
      from = m.end();
    }
    regex.append(words(sentence.substring(from)));
    return Pattern.compile(regex.toString());
  }

  private static String words(String text) {
    return Arrays.stream(text.split(" ", -1))
        .map(w -> w.isEmpty() ? "" : Pattern.quote(w))
        .collect(Collectors.joining("\\s+"));
  }

  /**
   * The figures of each labelled line of a command's output, by field. Rows of {@code validate}
   * with the same expression (measured twice) map to null: neither is named by it.
   */
  static Map<String, Map<String, String>> figures(List<String> output) {
    Map<String, Map<String, String>> figures = new HashMap<>();
    for (String line : output) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        String expr = row.group(4).strip();
        figures.put(
            expr, figures.containsKey(expr) ? null : fields(ROW_FIELDS, row, row.groupCount() - 1));
        continue;
      }
      for (Pattern p : List.of(SUMMARY, INSIDE, CONTAINS)) {
        Matcher m = p.matcher(line);
        if (m.find()) {
          String label =
              p == SUMMARY
                  ? (line.substring(0, m.start()) + line.substring(m.end())).strip()
                  : "range";
          List<String> names =
              p == SUMMARY
                  ? SUMMARY_FIELDS
                  : p == INSIDE ? List.of("inside", "of", "share") : List.of("share");
          assertTrue(
              figures.put(label.isEmpty() ? "total" : label, fields(names, m, m.groupCount()))
                  == null,
              "two lines labelled " + label);
        }
      }
    }
    return figures;
  }

  private static Map<String, String> fields(List<String> names, Matcher m, int groups) {
    Map<String, String> out = new HashMap<>();
    for (int g = 1; g <= groups; g++) {
      out.put(names.get(g - 1), m.group(g));
    }
    return out;
  }

  /** One figure, {@code LABEL FIELD}, of the lines {@link #figures} read. */
  private static String figure(Map<String, Map<String, String>> figures, String name) {
    int space = name.lastIndexOf(' ');
    String label = name.substring(0, space);
    String field = name.substring(space + 1);
    List<String> matches =
        figures.containsKey(label)
            ? List.of(label)
            : figures.keySet().stream().filter(k -> k.contains(label)).toList();
    if (matches.size() != 1) {
      fail("{" + name + "} names " + matches.size() + " lines of the output: " + figures.keySet());
    }
    Map<String, String> values = figures.get(matches.get(0));
    assertTrue(values != null, "{" + name + "} names two rows of the same expression");
    assertTrue(
        values.containsKey(field), "{" + name + "}: a line labelled " + label + " has " + values);
    return values.get(field);
  }
}
