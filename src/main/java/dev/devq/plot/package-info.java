/**
 * Pictures of devq results as data: the {@link dev.devq.plot.Chart} model (line charts of sweeps,
 * bars over targets, per-layer timelines, rooflines) and {@link dev.devq.plot.Plots}, which builds
 * it from the interpreter's values and estimates. Sits with the views, below the facade, which is
 * its only caller ({@code Devq.plot}); never prints. Drawing is {@code dev.devq.plot.svg}'s.
 */
package dev.devq.plot;
