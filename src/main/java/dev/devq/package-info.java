/**
 * The embedding API: {@link dev.devq.Devq} loads the knowledge base and evaluates queries, for the
 * CLI, the REPL, review documents and any Java program.
 *
 * <p>May import every engine package; never {@code dev.devq.doc} or {@code dev.devq.cli}.
 */
package dev.devq;
