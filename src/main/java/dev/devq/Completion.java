package dev.devq;

import java.util.List;

/**
 * What may come at a cursor in query text: the candidates for the word that starts at {@code start}
 * and ends at the cursor ({@link Devq#complete}).
 *
 * <pre>{@code
 * devq.complete("latency(mobilenet_v2, a1", 24, Bindings.EMPTY)   // start 22; a11, a12, …
 * }</pre>
 */
public record Completion(int start, List<Candidate> candidates) {
  public Completion {
    candidates = List.copyOf(candidates);
  }

  /** One candidate: the word to insert, the group it belongs to, and a short description. */
  public record Candidate(String word, String group, String description) {}
}
