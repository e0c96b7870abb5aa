/**
 * Models: reading model descriptions into layer graphs with shapes, FLOPs and bytes ({@link
 * dev.devq.model.ModelBuilder}), and the transforms that make new models from old ones (precision,
 * quantization, palettization, pruning).
 *
 * <p>May import {@code dev.devq.lang}, {@code dev.devq.lang.unit}, {@code dev.devq.kb} and the JDK.
 */
package dev.devq.model;
