/**
 * Pictures of devq results as data: the {@link dev.devq.plot.Chart} model (line charts of sweeps,
 * bars over targets, per-layer timelines, rooflines) and {@link dev.devq.plot.Plots}, which builds
 * it through the {@link dev.devq.Devq} facade. Imports the packages below it (the facade and the
 * engine's result types); never prints. Drawing is {@code dev.devq.plot.svg}'s.
 */
package dev.devq.plot;
