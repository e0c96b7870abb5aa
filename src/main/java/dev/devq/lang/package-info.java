/**
 * The front end of the query language: source text, spans, diagnostics, the untyped syntax tree and
 * {@link dev.devq.lang.AstBuilder}, which sees ANTLR together with its REPL-facing companions
 * {@link dev.devq.lang.Tokens} and {@link dev.devq.lang.Completeness}; none lets an ANTLR type out.
 *
 * <p>May import only {@code dev.devq.lang.antlr} (generated) and the JDK. Everything above it
 * (units, knowledge base, cost model, checker, evaluator) imports this package, never the reverse.
 */
package dev.devq.lang;
