/**
 * The command line (picocli) and the REPL (JLine): parse arguments, call {@link dev.devq.Devq},
 * render values and diagnostics as text, JSON, Markdown or JUnit XML, and set exit codes.
 *
 * <p>May import everything; the only package that prints or exits.
 */
package dev.devq.cli;
