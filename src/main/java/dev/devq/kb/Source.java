package dev.devq.kb;

/** An entry of {@code sources.yaml}: what a number's {@code source:} refers to. */
public record Source(String id, String title, String url, String read, Origin origin) {}
