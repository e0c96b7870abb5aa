package dev.devq.doc;

import dev.devq.lang.SourceText;

/**
 * One piece of query text to run: a whole {@code .devq} file, or one {@code ```devq} block of a
 * Markdown document (its source text numbers lines as in the document). A {@code ```devq plot}
 * block also keeps its opening fence line, whose options say what to plot ({@link PlotFences}).
 */
public record QueryBlock(String file, SourceText source, boolean plot, SourceText fence) {
  public QueryBlock(String file, SourceText source) {
    this(file, source, false, new SourceText(file, ""));
  }
}
