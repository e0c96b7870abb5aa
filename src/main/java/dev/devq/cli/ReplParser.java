package dev.devq.cli;

import dev.devq.Completion;
import dev.devq.lang.Completeness;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * The REPL's JLine parser. On Enter it throws {@link EOFError} while the engine reports that the
 * input needs more ({@link Completeness}), so JLine continues on the second prompt, as jshell does.
 * For completion it finds the word at the cursor the way the engine's completion sees it.
 */
final class ReplParser implements Parser {
  private final ReplCompletion completion;

  ReplParser(ReplCompletion completion) {
    this.completion = completion;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) throws EOFError {
    if (context == ParseContext.ACCEPT_LINE) {
      if (!line.stripLeading().startsWith(":") && Completeness.needsMore(line)) {
        throw new EOFError(-1, -1, "input needs more");
      }
      return new Line(line, cursor, new Completion(cursor, List.of()));
    }
    if (context == ParseContext.COMPLETE) {
      return new Line(line, cursor, completion.at(line, cursor));
    }
    return new Line(line, cursor, new Completion(cursor, List.of()));
  }

  /** A line with the word being completed (from its start to the cursor) and its candidates. */
  record Line(String line, int cursor, Completion completions) implements CompletingParsedLine {
    @Override
    public String word() {
      return line.substring(completions.start(), cursor);
    }

    @Override
    public int wordCursor() {
      return cursor - completions.start();
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word());
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor();
    }

    @Override
    public int rawWordLength() {
      return wordCursor();
    }
  }
}
