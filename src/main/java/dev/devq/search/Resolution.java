package dev.devq.search;

import java.util.List;

/**
 * What a name written by a user stands for: one entity, several equally good ones, or nothing.
 *
 * <pre>{@code
 * index.resolve("iPhone 15 Pro", List.of("device"), true)   // RESOLVED iphone_15_pro
 * index.resolve("iphone", List.of("device"), true)          // AMBIGUOUS [iphone_x, iphone_11, …]
 * }</pre>
 *
 * @param id the entity, or empty unless {@code RESOLVED}
 * @param candidates the best matches when {@code AMBIGUOUS}, best first, else empty
 */
public record Resolution(Status status, String id, List<String> candidates) {
  /** How a name resolved. */
  public enum Status {
    RESOLVED,
    AMBIGUOUS,
    NONE
  }

  public Resolution {
    candidates = List.copyOf(candidates);
  }

  static Resolution of(String id) {
    return new Resolution(Status.RESOLVED, id, List.of());
  }

  static Resolution ambiguous(List<String> ids) {
    return new Resolution(Status.AMBIGUOUS, "", ids);
  }

  static Resolution none() {
    return new Resolution(Status.NONE, "", List.of());
  }

  public boolean resolved() {
    return status == Status.RESOLVED;
  }
}
