package dev.devq.kb;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An unmodifiable map of ids to values each made on first use ({@link Deferred}): the
 * knowledge-base snapshot decodes an entity only when something reads it, so a one-shot query that
 * names one SoC and one model does not decode the other SoCs, devices and ops. Keys, size and
 * membership need no value; iterating the values or entries makes each of them.
 *
 * @param <V> the values' type
 */
final class DecodedOnUse<V> extends AbstractMap<String, V> {
  private final Map<String, Supplier<? extends V>> values;
  private final Set<String> keys;
  private final Set<Map.Entry<String, V>> entries = new Entries();

  /** The values in the iteration order of {@code values}, which is copied. */
  DecodedOnUse(Map<String, ? extends Supplier<? extends V>> values) {
    this.values = new LinkedHashMap<>(values);
    this.keys = Collections.unmodifiableSet(this.values.keySet());
  }

  /** How many values have been made so far (tests of what a start decodes). */
  int made() {
    return (int)
        values.values().stream().filter(v -> !(v instanceof Deferred<?> d) || d.made()).count();
  }

  @Override
  public V get(Object key) {
    Supplier<? extends V> value = values.get(key);
    return value == null ? null : value.get();
  }

  @Override
  public boolean containsKey(Object key) {
    return values.containsKey(key);
  }

  @Override
  public int size() {
    return values.size();
  }

  @Override
  public Set<String> keySet() {
    return keys;
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return entries;
  }

  private final class Entries extends AbstractSet<Map.Entry<String, V>> {
    @Override
    public Iterator<Map.Entry<String, V>> iterator() {
      Iterator<Map.Entry<String, Supplier<? extends V>>> it = values.entrySet().iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Map.Entry<String, V> next() {
          var e = it.next();
          return new SimpleImmutableEntry<>(e.getKey(), e.getValue().get());
        }
      };
    }

    @Override
    public int size() {
      return values.size();
    }
  }
}
