package dev.devq.cli;

import dev.devq.Completion;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

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
}
