package dev.devq.search;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.kb.Support;
import dev.devq.kb.SupportStatus;

/**
 * The cell of a caniuse-style grid: whether a compute unit of a SoC runs an op according to the
 * catalog, once its generation and OS rules are applied. Shape limits are not checked here; they
 * depend on a layer, and placement in the cost model checks them.
 *
 * <pre>{@code
 * Availability.status(kb, dilatedConv, a14, ComputeUnit.ANE, null)   // NO
 * }</pre>
 */
public final class Availability {
  private Availability() {}

  /**
   * The status of {@code op} on {@code unit} of {@code soc}: {@code no} before the op's first SoC
   * generation, before its first OS when {@code os} is given (null: any OS), and on a Neural Engine
   * Core ML cannot use; otherwise the catalog's status.
   */
  public static SupportStatus status(
      KnowledgeBase kb, Op op, Soc soc, ComputeUnit unit, OsVersion os) {
    if (unit == ComputeUnit.ANE && !soc.coremlAne()) {
      return SupportStatus.NO;
    }
    Support s = op.supportOn(unit);
    if (s.status() == SupportStatus.NO || s.status() == SupportStatus.UNKNOWN) {
      return s.status();
    }
    Soc since = s.sinceSoc().isEmpty() ? null : kb.socs().get(s.sinceSoc());
    if (since != null && soc.year().value() < since.year().value()) {
      return SupportStatus.NO;
    }
    if (os != null && !os.allows(s.sinceOs())) {
      return SupportStatus.NO;
    }
    return s.status();
  }

  /** Whether the unit may run the op at all: {@code yes} or {@code partial}. */
  public static boolean runs(KnowledgeBase kb, Op op, Soc soc, ComputeUnit unit, OsVersion os) {
    SupportStatus s = status(kb, op, soc, unit, os);
    return s == SupportStatus.YES || s == SupportStatus.PARTIAL;
  }
}
