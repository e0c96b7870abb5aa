/**
 * Draws {@link dev.devq.plot.Chart}s as SVG with JFreeChart and JFreeSVG, the only package that
 * imports them. Imports {@code dev.devq.plot}; never prints.
 */
package dev.devq.plot.svg;
