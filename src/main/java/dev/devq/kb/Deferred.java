package dev.devq.kb;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use and kept: the knowledge-base snapshot decodes a zoo model's YAML tree
 * only when a command builds or checks that model, since a start touches one model or none. Equal
 * when the values are equal, whenever they are made.
 *
 * @param <T> the value's type
 */
public final class Deferred<T> implements Supplier<T> {
  private Supplier<? extends T> make;
  private volatile T value;

  private Deferred(T value, Supplier<? extends T> make) {
    this.value = value;
    this.make = make;
  }

  /** A value that is already there. */
  public static <T> Deferred<T> of(T value) {
    return new Deferred<>(Objects.requireNonNull(value), null);
  }

  /** A value made by {@code make} on the first {@link #get}, once. */
  public static <T> Deferred<T> by(Supplier<? extends T> make) {
    return new Deferred<>(null, Objects.requireNonNull(make));
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Objects.requireNonNull(make.get());
          value = v;
          make = null;
        }
      }
    }
    return v;
  }

  /** Whether the value has been made (tests of what a start decodes). */
  boolean made() {
    return value != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Deferred<?> d && get().equals(d.get());
  }

  @Override
  public int hashCode() {
    return get().hashCode();
  }

  @Override
  public String toString() {
    return String.valueOf(get());
  }
}
