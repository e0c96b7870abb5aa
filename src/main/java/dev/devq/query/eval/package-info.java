/**
 * The evaluator: walks a checked tree and returns immutable {@link dev.devq.query.eval.Value}s,
 * calling the knowledge base, the search index, the model builder and the cost model.
 *
 * <p>May import everything below it: {@code dev.devq.lang}, {@code lang.unit}, {@code kb}, {@code
 * search}, {@code model}, {@code cost}, {@code query.check} and the JDK.
 */
package dev.devq.query.eval;
