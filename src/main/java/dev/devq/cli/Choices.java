package dev.devq.cli;

import dev.devq.lang.Suggestions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParameterException;

/**
 * The "did you mean" of a word that an option or parameter with fixed choices ({@code --format},
 * {@code --group}, {@code list KIND}) refused: the nearest choice, picked and worded by the query
 * language's {@link Suggestions}, so a typo on the command line is answered as one in a query is.
 */
final class Choices {
  private Choices() {}

  /** {@code did you mean 'json'?}, or the empty string when the refusal is of another kind. */
  static String didYouMean(ParameterException e) {
    ArgSpec spec = e.getArgSpec();
    String value = e.getValue();
    if (spec == null || value == null || spec.completionCandidates() == null) {
      return "";
    }
    List<String> choices = new ArrayList<>();
    spec.completionCandidates().forEach(choices::add);
    return Suggestions.didYouMean(value, choices);
  }
}
