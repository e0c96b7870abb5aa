/**
 * The cost model: a model on a target under conditions becomes an {@link dev.devq.cost.Prediction}
 * of latency, memory, energy and load time, with a per-layer breakdown and placement reasons.
 *
 * <p>May import {@code dev.devq.lang}, {@code dev.devq.lang.unit}, {@code dev.devq.kb}, {@code
 * dev.devq.model} and the JDK. Coefficients come from profiles, never from code.
 */
package dev.devq.cost;
