/**
 * The command line (picocli) and the REPL (JLine): parse arguments, call {@link dev.devq.Devq},
 * print its results' text or JSON (or JUnit XML and Markdown for {@code check}), and set exit
 * codes. Every command extends {@link dev.devq.cli.DevqCommand}, which holds the shared options,
 * loading, error rendering and exit codes.
 *
 * <p>May import {@code dev.devq} and its result types, {@code dev.devq.doc}, and of {@code
 * dev.devq.lang} only source text, diagnostics, {@code Suggestions}, {@code Tokens} and {@code
 * Completeness}; never the engine below the facade. The only package that prints or exits.
 */
package dev.devq.cli;
