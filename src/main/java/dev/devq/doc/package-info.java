/**
 * Query files and review documents: runs {@code .devq} files and the {@code ```devq} blocks of
 * Markdown documents, and writes results back into documents.
 *
 * <p>May import {@code dev.devq} and the engine packages, and commonmark-java.
 */
package dev.devq.doc;
