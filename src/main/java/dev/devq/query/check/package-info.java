/**
 * The checker: resolves names (through the knowledge base and the search index), binds call
 * arguments to signatures and checks types and dimensions, turning {@link dev.devq.lang.Expr} into
 * {@link dev.devq.query.check.TypedExpr}. Only checked trees are evaluated.
 *
 * <p>May import {@code dev.devq.lang}, {@code dev.devq.lang.unit}, {@code dev.devq.kb}, {@code
 * dev.devq.search}, {@code dev.devq.model}, {@code dev.devq.cost} and the JDK.
 */
package dev.devq.query.check;
