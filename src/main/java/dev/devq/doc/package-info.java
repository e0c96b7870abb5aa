/**
 * Query files and review documents: runs {@code .devq} files and the {@code ```devq} blocks of
 * Markdown documents, and writes results back into documents.
 *
 * <p>May import {@code dev.devq} and its result types, source text and diagnostics of {@code
 * dev.devq.lang}, and commonmark-java; never the engine below the facade.
 */
package dev.devq.doc;
