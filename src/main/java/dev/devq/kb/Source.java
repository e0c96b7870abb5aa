package dev.devq.kb;

/**
 * An entry of {@code sources.yaml}: what a number's {@code source:} refers to, and what kind of
 * evidence it is ({@link Evidence}).
 */
public record Source(
    String id, String title, String url, String read, Evidence evidence, Origin origin) {}
