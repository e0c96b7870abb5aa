package dev.devq.query.eval;

import dev.devq.cost.MemoryLimit;

/**
 * What an answer rests on that its figure does not show, said once under it in every format: that
 * its model fits the target only with the increased-memory-limit entitlement ({@link Entitled}), or
 * that its function filled in an argument the query left out ({@link Assumed}). An estimate carries
 * it ({@link Value.QuantityV#caveats}), and what is computed from it keeps it: a latency doubled
 * still needs the entitlement.
 */
public sealed interface Caveat {
  /** The line a front end prints under the value. */
  String text();

  /**
   * The same without what differs from one target to another, for a line that names several of a
   * table's rows.
   */
  default String brief() {
    return text();
  }

  /** The estimate's model fits its target only with the increased-memory-limit entitlement. */
  record Entitled(MemoryLimit.Entitlement need) implements Caveat {
    @Override
    public String text() {
      return need.text();
    }

    @Override
    public String brief() {
      return need.brief();
    }
  }

  /**
   * A function filled in an argument left out: {@code battery(m, d, 30fps)} drains for 1 h.
   *
   * @param function the function's name ({@code battery})
   * @param parameter the argument left out ({@code duration})
   * @param value the value assumed, as a query writes it ({@code 1h})
   * @param example a call that gives the argument ({@code battery(m, d, 30fps, 10min)})
   */
  record Assumed(String function, String parameter, String value, String example)
      implements Caveat {
    @Override
    public String text() {
      return function
          + " assumes "
          + parameter
          + " = "
          + value
          + " when none is given: give the one the app runs for, e.g. "
          + example;
    }
  }
}
