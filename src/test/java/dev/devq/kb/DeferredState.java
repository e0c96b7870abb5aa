package dev.devq.kb;

/** Whether a {@link Deferred} value has been made, for tests outside this package. */
public final class DeferredState {
  private DeferredState() {}

  public static boolean made(Deferred<?> deferred) {
    return deferred.made();
  }
}
