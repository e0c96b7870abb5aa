/**
 * The knowledge base: profile records (SoCs, devices, operators, sources, budgets, raw model
 * descriptions), the strict {@link dev.devq.kb.ProfileLoader} and the immutable {@link
 * dev.devq.kb.KnowledgeBase}.
 *
 * <p>May import {@code dev.devq.lang}, {@code dev.devq.lang.unit}, Jackson and the JDK.
 */
package dev.devq.kb;
