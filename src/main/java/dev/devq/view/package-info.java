/**
 * Results in words and JSON: values, statement outcomes and checks, per-layer breakdowns, entity
 * pages, lists, search grids and validation reports. The {@code Devq} facade's result types give
 * their text and JSON forms from here, so the command line and review documents read the same words
 * without knowing the engine's types.
 *
 * <p>May import every engine package, Jackson and JLine's {@code WCWidth} (a cell's width in
 * terminal columns); never {@code dev.devq}, {@code dev.devq.doc} or {@code dev.devq.cli}. Never
 * prints.
 */
package dev.devq.view;
