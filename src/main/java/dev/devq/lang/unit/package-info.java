/**
 * Units and dimensions: {@link dev.devq.lang.unit.Dimension}, {@link dev.devq.lang.unit.Unit},
 * {@link dev.devq.lang.unit.Quantity} and the {@link dev.devq.lang.unit.UnitRegistry} loaded from
 * {@code units.txt}. Profiles and queries share this parser, so {@code 51.2 GB/s} means the same in
 * a YAML file and at the prompt.
 *
 * <p>May import {@code dev.devq.lang} and the JDK.
 */
package dev.devq.lang.unit;
