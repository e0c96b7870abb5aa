package dev.devq.lang;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs work on a thread with a fixed stack size, so that limits tests mean the same on every JVM
 * and {@code -Xss} setting (as Lucene's expression compiler tests do).
 */
final class FixedStack {
  static final long STACK_BYTES = 1L << 20;

  private FixedStack() {}

  static <T> T run(Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.get());
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "fixed-stack",
            STACK_BYTES);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (failure.get() != null) {
      throw new AssertionError("uncaught " + failure.get(), failure.get());
    }
    return result.get();
  }
}
