package dev.devq.kb;

/**
 * One field of an entity as {@code devq info} shows it: a dotted path ({@code ane.tops_fp16}), the
 * value as text, and where it comes from.
 */
public record Fact(String path, String text, Provenance provenance, Origin origin) {}
