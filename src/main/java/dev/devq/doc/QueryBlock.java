package dev.devq.doc;

import dev.devq.lang.SourceText;

/**
 * One piece of query text to run: a whole {@code .devq} file, or one {@code ```devq} block of a
 * Markdown document (its source text numbers lines as in the document).
 */
public record QueryBlock(String file, SourceText source) {}
