/**
 * Draws {@link dev.devq.plot.Chart}s as SVG with JFreeChart and JFreeSVG, the only package that
 * imports them. Imports {@code dev.devq.plot}; used by the facade ({@code Figure.svg}); never
 * prints.
 */
package dev.devq.plot.svg;
