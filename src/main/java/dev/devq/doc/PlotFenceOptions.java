package dev.devq.doc;

import dev.devq.PlotRequest;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a {@code ```devq plot} fence, spelled as on the command line: {@code --over VAR in
 * RANGE} (the rest of the line up to the next option), {@code --timeline}, {@code --roofline},
 * {@code --title TEXT}. The file name is the document's to choose, so {@code -o} is refused.
 */
final class PlotFenceOptions {
  private static final Pattern WORD = Pattern.compile("\"[^\"]*\"|\\S+");

  private PlotFenceOptions() {}

  /** A fence whose options cannot be read; the diagnostic points at the offending word. */
  static final class Refused extends Exception {
    private final transient Diagnostic diagnostic;

    Refused(Diagnostic diagnostic) {
      super(diagnostic.message());
      this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  private record Word(String text, Span span) {}

  static PlotRequest read(QueryBlock block) throws Refused {
    SourceText line = block.fence();
    List<Word> words = new ArrayList<>();
    Matcher m = WORD.matcher(line.text());
    m.region(PlotFences.fenceStart(line.text()), line.text().length());
    while (m.find()) {
      words.add(new Word(m.group(), new Span(m.start(), m.end())));
    }
    // words 0 and 1 are ```devq and plot
    Span over = null;
    PlotRequest.Kind kind = null;
    String title = "";
    for (int i = 2; i < words.size(); i++) {
      Word w = words.get(i);
      switch (w.text()) {
        case "--over" -> {
          int last = i;
          while (last + 1 < words.size() && !isOption(words.get(last + 1).text())) {
            last++;
          }
          if (last == i) {
            throw refused(
                line, w.span(), "--over needs 'VAR in RANGE'", "e.g. --over t in 0min..30min");
          }
          over = new Span(words.get(i + 1).span().start(), words.get(last).span().end());
          kind = once(kind, PlotRequest.Kind.SWEEP, line, w);
          i = last;
        }
        case "--timeline" -> kind = once(kind, PlotRequest.Kind.TIMELINE, line, w);
        case "--roofline" -> kind = once(kind, PlotRequest.Kind.ROOFLINE, line, w);
        case "--title" -> {
          if (i + 1 >= words.size()) {
            throw refused(line, w.span(), "--title needs a text", "e.g. --title \"Thermal curve\"");
          }
          title = words.get(++i).text().replaceAll("^\"|\"$", "");
        }
        default -> throw unknown(line, w);
      }
    }
    if (kind == null) {
      throw refused(
          line,
          new Span(0, line.text().length()),
          "say what to plot: --over VAR in RANGE, --timeline or --roofline",
          "e.g. ```devq plot --over t in 0min..30min");
    }
    return kind == PlotRequest.Kind.SWEEP
        ? PlotRequest.sweep(block.source(), line, over, title)
        : PlotRequest.of(kind, block.source(), title);
  }

  private static final List<String> OPTIONS =
      List.of("--over", "--timeline", "--roofline", "--title");

  /**
   * An option a fence does not take: {@code -o} in any spelling the command line accepts ({@code
   * --output=x.svg}, {@code -ox.svg}) is refused as such, anything else with the nearest option
   * ({@code --Over}).
   */
  private static Refused unknown(SourceText line, Word w) {
    String word = w.text();
    if (word.startsWith("-o") || word.startsWith("--output")) {
      return refused(
          line,
          w.span(),
          "a review document names its figures itself",
          "the figure is written beside the document, named after the query's hash");
    }
    return new Refused(
        Diagnostic.error(
                DiagnosticCode.DOCUMENT, "unknown plot option '" + word + "'", line, w.span())
            .withNote(Suggestions.didYouMean(word, OPTIONS))
            .withNote("options: --over VAR in RANGE, --timeline, --roofline, --title TEXT"));
  }

  /** An option word that ends an {@code --over} range: one a fence takes, or {@code -o}. */
  private static boolean isOption(String word) {
    return OPTIONS.contains(word) || word.equals("-o") || word.equals("--output");
  }

  private static PlotRequest.Kind once(
      PlotRequest.Kind had, PlotRequest.Kind kind, SourceText line, Word w) throws Refused {
    if (had != null) {
      throw refused(
          line, w.span(), "--over, --timeline and --roofline are different charts: give one", "");
    }
    return kind;
  }

  private static Refused refused(SourceText line, Span span, String message, String note) {
    return new Refused(
        Diagnostic.error(DiagnosticCode.DOCUMENT, message, line, span).withNote(note));
  }
}
