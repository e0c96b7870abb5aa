package dev.devq.kb;

import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Quantity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects physically impossible profile values at load, each at its file:line:col: a value that is
 * not finite (a written number a double cannot hold, {@code 1e400 GB/s}, is refused as it is read
 * by {@link QuantityText}; this catches one scaled from it), a rate of 0 (bandwidth, peak
 * throughput, power: the cost model divides by them, so 0 would answer infinity or nonsense), or a
 * device capacity of 0 (RAM, memory limits, battery), or a magnitude beyond any device ({@code 1e30
 * TOPS}).
 *
 * <p>The walk goes over every {@link Sourced} quantity of the SoC, device, constant and budget
 * records, found through their record components rather than a list of fields, so a field added to
 * a profile record is checked without being named here.
 */
final class ValueSanity {
  private static final Set<Dimension> CAPACITIES =
      Set.of(Dimension.base("Bytes"), Dimension.base("Energy"), Dimension.base("Charge"));

  /**
   * The magnitudes, in base units, that bound every profile quantity: a femtosecond, a femtojoule
   * per byte; an exabyte, an exaop per second. Shipped values lie many decades inside them; beyond
   * them is a typo ({@code 1e30 TOPS}, {@code 1e-30 GB/s}), whose answers would be finite but
   * absurd ({@code 3.44e24 h}).
   */
  private static final double SMALLEST = 1e-15;

  private static final double LARGEST = 1e18;

  private final Problems problems;
  private final Map<Span, String> keys = new HashMap<>();
  private final Set<List<Object>> reported = new java.util.HashSet<>();

  private ValueSanity(Problems problems) {
    this.problems = problems;
  }

  /** Walks one entity; its facts give each value the key it was written under. */
  private void entity(Record e, List<Fact> facts, String path, boolean device) {
    keys.clear();
    facts.forEach(f -> keys.put(f.origin().span(), f.path()));
    walk(e, path, device);
  }

  static void check(
      Problems problems,
      Collection<Soc> socs,
      Collection<Device> devices,
      Collection<NamedQuantity> constants,
      Collection<NamedQuantity> budgets) {
    var sanity = new ValueSanity(problems);
    socs.forEach(s -> sanity.entity(s, s.facts(), "", false));
    devices.forEach(d -> sanity.entity(d, d.facts(), "", true));
    constants.forEach(c -> sanity.entity(c, List.of(), c.id() + ".", false));
    budgets.forEach(b -> sanity.entity(b, List.of(), b.id() + ".", false));
  }

  private void walk(Object value, String path, boolean device) {
    if (value instanceof Sourced<?> s) {
      if (s.present() && s.value() instanceof Quantity q) {
        quantity(q, s.origin(), path.substring(0, Math.max(0, path.length() - 1)), device);
      }
    } else if (value instanceof Record r
        && !(value instanceof Fact)
        && !(value instanceof Origin)) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        walk(component(r, c), path + c.getName() + ".", device);
      }
    } else if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> walk(v, path, device));
    } else if (value instanceof Collection<?> items) {
      items.forEach(v -> walk(v, path, device));
    }
  }

  private static Object component(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("profile record accessors are public", e);
    }
  }

  private void quantity(Quantity q, Origin at, String field, boolean device) {
    double v = q.value();
    String problem = null;
    if (!Double.isFinite(v)) {
      problem = "is not a finite number";
    } else if (v == 0 && isRate(q.dimension())) {
      problem = "must be above 0: it is a rate the cost model divides by";
    } else if (v == 0 && device && CAPACITIES.contains(q.dimension())) {
      problem = "must be above 0: a device has some";
    } else if (v != 0 && (Math.abs(v) < SMALLEST || Math.abs(v) > LARGEST)) {
      problem =
          "is beyond what any device has (in base units it is "
              + String.format(java.util.Locale.ROOT, "%.3g", v)
              + ", outside 1e-15 to 1e18)";
    }
    // a SoC's variants share its values: one error per value written
    if (problem != null && reported.add(List.of(at.source(), at.span()))) {
      problems.error(
          at.source(),
          at.span(),
          "'" + keys.getOrDefault(at.span(), field) + "' " + problem + ", found " + written(at),
          "a physically impossible value would make every answer that uses it wrong");
    }
  }

  private static boolean isRate(Dimension d) {
    return d.exponents().getOrDefault("Time", 0) < 0;
  }

  private static String written(Origin at) {
    String text = at.source().text();
    int end = Math.min(text.length(), at.span().end());
    int start = Math.min(end, at.span().start());
    return end > start ? text.substring(start, end).strip() : "nothing";
  }
}
