package dev.devq.lang;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers of a deterministic function, the most recently used kept up to a bound: what the engine
 * remembers between queries of a session (search results, typo neighbours, per-model facts) without
 * growing with the session. Safe to share between threads (the REPL warms search on its own
 * thread); an answer is computed outside the lock, so two threads asking for the same key at once
 * may both compute it, and equal answers make that harmless.
 *
 * @param <K> the question; equal questions must have equal answers
 * @param <V> the answer, immutable
 */
public final class Remembered<K, V> {
  private final Map<K, V> entries;

  /** Keeps at most {@code capacity} answers. */
  public Remembered(int capacity) {
    entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The remembered answer to {@code key}, else {@code compute}'s, then remembered. */
  public V get(K key, Function<? super K, ? extends V> compute) {
    synchronized (entries) {
      V known = entries.get(key);
      if (known != null) {
        return known;
      }
    }
    V answer = compute.apply(key);
    synchronized (entries) {
      entries.put(key, answer);
    }
    return answer;
  }
}
