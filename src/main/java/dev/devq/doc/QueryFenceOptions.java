package dev.devq.doc;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words after {@code devq} on the opening line of a query fence: nothing, or one {@code
 * file=PATH} and then no text in the block. Anything else was once ignored, so a misspelt {@code
 * fille=} ran the block's text instead of the file, and a block holding both a {@code file=} and a
 * failing check passed, the check never run; each is now an error at the word.
 */
final class QueryFenceOptions {
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final String FILE = "file=";

  private QueryFenceOptions() {}

  /**
   * What is wrong with the fence {@code line} (the opening line, numbered as in the document) of a
   * block whose text is {@code body}; empty when it can be run.
   */
  static List<Diagnostic> problems(SourceText line, String body) {
    List<Diagnostic> problems = new ArrayList<>();
    Matcher m = WORD.matcher(line.text());
    m.region(PlotFences.fenceStart(line.text()), line.text().length());
    m.find(); // the fence and its info string's first word, ```devq
    Span file = null;
    while (m.find()) {
      var span = new Span(m.start(), m.end());
      String w = m.group();
      if (!w.startsWith(FILE)) {
        String name = w.contains("=") ? w.substring(0, w.indexOf('=') + 1) : w;
        problems.add(
            error(line, span, "unknown word '" + w + "' after devq")
                .withNote(Suggestions.didYouMean(name, Set.of(FILE, "plot")))
                .withNote(
                    "a devq fence takes file=PATH (a query file) or plot OPTIONS, or nothing"));
      } else if (w.length() == FILE.length()) {
        problems.add(
            error(line, span, "file= names no file")
                .withNote("e.g. ```devq file=queries/camera.devq, relative to the document"));
      } else if (file != null) {
        problems.add(
            error(line, span, "a fence embeds one query file, and this is a second file=")
                .withNote("give each query file a fence of its own"));
      } else {
        file = span;
      }
    }
    if (file != null && !body.isBlank()) {
      problems.add(
          error(line, file, "this block embeds a query file and also has text of its own")
              .withNote(
                  "the text would never run: move it into a ```devq block of its own, or into"
                      + " the file"));
    }
    return problems;
  }

  private static Diagnostic error(SourceText line, Span span, String message) {
    return Diagnostic.error(DiagnosticCode.DOCUMENT, message, line, span);
  }
}
