package dev.devq.search;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;

/**
 * An analyzer whose token streams are kept per field for every thread, where Lucene keeps them per
 * thread. The REPL's warm-up searches on a thread of its own, and the user's first search came on
 * another: Lucene made that thread's filter chains anew (word splitting, synonyms, English
 * stemming), code run a few times per process and so never compiled, about 0.4 ms of a first search
 * of ~1 ms (docs/history/performance-log.md). Kept for every thread, the chains the warm-up made
 * serve the user's line. A chain is not safe for two threads at once: {@link Matching} reads every
 * stream under the analyzer's lock, and nothing else reads one.
 */
final class AnyThreadAnalyzer extends AnalyzerWrapper {
  private final Analyzer wrapped;

  AnyThreadAnalyzer(Analyzer wrapped) {
    super(new PerField());
    this.wrapped = wrapped;
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return wrapped;
  }

  /** The components of each field, one set for all threads; read and set under the lock. */
  private static final class PerField extends ReuseStrategy {
    private final Map<String, TokenStreamComponents> byField = new HashMap<>();

    @Override
    public TokenStreamComponents getReusableComponents(Analyzer analyzer, String fieldName) {
      return byField.get(fieldName);
    }

    @Override
    public void setReusableComponents(
        Analyzer analyzer, String fieldName, TokenStreamComponents components) {
      byField.put(fieldName, components);
    }
  }
}
