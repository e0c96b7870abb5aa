package dev.devq.cli;

import dev.devq.Completion;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.CompletionMatcherImpl;

/** Hands the candidates {@link ReplParser} found to JLine, grouped and described. */
final class ReplCompleter implements Completer {
  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    if (!(line instanceof ReplParser.Line l)) {
      return;
    }
    for (Completion.Candidate c : l.completions().candidates()) {
      candidates.add(
          new Candidate(
              c.word(),
              c.word(),
              c.group(),
              c.description().isEmpty() ? null : c.description(),
              null,
              null,
              false));
    }
  }

  /**
   * JLine's matching, except for a name typed with spaces ({@code iPhone 15 Pro}): the engine
   * offers the ids that name means ({@code iphone_15_pro}), which do not start with the words as
   * typed, so JLine's prefix and typo matching would drop them all. The engine chose them already.
   */
  static final class Matcher extends CompletionMatcherImpl {
    @Override
    protected void defaultMatchers(
        Map<LineReader.Option, Boolean> options,
        boolean prefix,
        CompletingParsedLine line,
        boolean caseInsensitive,
        int errors,
        String originalGroupName) {
      // after super's, which makes a new list: matchers are tried in order until one matches
      super.defaultMatchers(options, prefix, line, caseInsensitive, errors, originalGroupName);
      if (line.word().chars().anyMatch(Character::isWhitespace)) {
        matchers.add(0, simpleMatcher(candidate -> true));
      }
    }
  }
}
