/**
 * Lucene index over ops, SoCs, devices and models: keyword search of operator support and name
 * resolution for the language ("did you mean"). No Lucene type leaves this package.
 *
 * <p>May import {@code dev.devq.lang}, {@code dev.devq.kb}, Lucene and the JDK.
 */
package dev.devq.search;
