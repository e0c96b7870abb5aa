/**
 * The embedding API: {@link dev.devq.Devq} loads the knowledge base, runs queries and answers
 * questions about it, returning result types ({@link dev.devq.Run}, {@link dev.devq.Outcome},
 * {@link dev.devq.Explanation}, {@link dev.devq.Answer}, {@link dev.devq.ValidationReport}, {@link
 * dev.devq.Calibration}, {@link dev.devq.Completion}) with a text and a JSON form. The CLI, the
 * REPL, review documents and any Java program use only these.
 *
 * <p>May import every engine package and {@code dev.devq.view}; never {@code dev.devq.doc} or
 * {@code dev.devq.cli}. No public signature here names an engine type ({@code FacadeTest}).
 */
package dev.devq;
