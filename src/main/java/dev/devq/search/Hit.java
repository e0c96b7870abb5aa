package dev.devq.search;

/** One search result: an entity id, its kind ({@code op}, {@code soc}, …) and its score. */
public record Hit(String id, String kind, float score) {}
