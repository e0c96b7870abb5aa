package dev.devq.doc;

import dev.devq.lang.SourceText;
import dev.devq.query.eval.Outcome;

/**
 * Words for one outcome inside a result region ({@code PASS camera fits} and its values, or {@code
 * m = resnet50}). The command line supplies it, so a document reads like {@code devq check}. It
 * must not mention document lines: a result region moves when text above it changes.
 */
@FunctionalInterface
public interface ResultRenderer {
  /** The outcome as one or more lines of plain text, without a final line break. */
  String render(Outcome outcome, SourceText source);
}
