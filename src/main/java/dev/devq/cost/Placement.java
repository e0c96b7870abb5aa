package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.kb.SupportRule;
import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a compute unit per layer: the shortest path over the layer sequence where each step costs
 * the layer's time on a unit and every change of unit costs a switch. Each layer keeps the reason
 * for its unit.
 *
 * <p>The search runs on flat arrays of times; records and reason text are built only for the chosen
 * path, since a prediction is asked for thousands of times in a sweep or a fit.
 */
final class Placement {
  private Placement() {}

  /**
   * The chosen layers with their segment ids; {@code dispatchTime} is what entering the segments
   * costs (the Neural Engine's per-segment dispatch).
   */
  record Result(List<LayerCost> layers, int switches, double switchTime, double dispatchTime) {}

  /**
   * Per-layer times on every allowed unit (index {@code i * m + u}) after a layer on the same unit,
   * so folded where the graph folds ({@link LayerTimer#folded}); infinite where a unit cannot run a
   * layer. The time after a switch differs only for a folding layer, and the search works it out
   * there; only the chosen unit's compute and memory times are kept ({@link #prefetch} computes
   * them again, the same arithmetic), so a prediction allocates one table, not four.
   */
  private record Table(
      LayerFacts facts, ComputeUnit[] allowed, double[] own, LayerFacts.Support support) {}

  /** The reasons a unit other than the preferred one gives, made once rather than per layer. */
  private static final String[] FASTER = new String[LayerFacts.UNITS];

  private static final String[] STAYS = new String[LayerFacts.UNITS];

  static {
    for (ComputeUnit u : ComputeUnit.values()) {
      FASTER[u.ordinal()] = "faster on the " + u.title();
      STAYS[u.ordinal()] = "stays on the " + u.title() + " to avoid a switch";
    }
  }

  static Result place(
      KnowledgeBase kb,
      Soc soc,
      OsVersion os,
      LayerFacts facts,
      List<ComputeUnit> units,
      LayerTimer timer) {
    ComputeUnit[] allowed = units.toArray(new ComputeUnit[0]);
    Table t = table(kb, soc, os, facts, allowed, timer);
    int n = facts.size();
    int m = allowed.length;
    double[] enter = new double[m];
    for (int u = 0; u < m; u++) {
      enter[u] = timer.dispatch(allowed[u]);
    }
    double[] best = new double[m];
    double[] next = new double[m];
    int[] from = new int[n * m];
    for (int i = 0; i < n; i++) {
      double switchTime = i > 0 ? timer.switchTime(i) : 0;
      // A switch into u comes cheapest from the unit the best path so far ends on (the second
      // best when that is u itself), lowest index first on a tie as a scan over every unit would.
      int first = 0;
      for (int p = 1; p < m; p++) {
        if (best[p] < best[first]) {
          first = p;
        }
      }
      int second = -1;
      for (int p = 0; p < m; p++) {
        if (p != first && (second < 0 || best[p] < best[second])) {
          second = p;
        }
      }
      for (int u = 0; u < m; u++) {
        double own = t.own[i * m + u];
        if (own == Double.POSITIVE_INFINITY || i == 0) {
          next[u] = own + enter[u];
          continue;
        }
        double stay = best[u] + own;
        next[u] = stay;
        from[i * m + u] = u;
        int p = u == first ? second : first;
        if (p < 0) {
          continue;
        }
        double switched = best[p] + switchTime + enter[u];
        // switched into, a folding layer pays its own time: what it folds into ran elsewhere.
        // That time is never below the folded one, so it is priced only for a switch that could
        // beat staying: placement's search is hot, and most layers stay.
        if (switched + own > stay) {
          continue;
        }
        ComputeUnit unit = allowed[u];
        double via = switched + (timer.folded(i, unit, unit) ? timer.ownTime(i, unit, false) : own);
        if (via < stay || via == stay && p < u) {
          next[u] = via;
          from[i * m + u] = p;
        }
      }
      double[] swap = best;
      best = next;
      next = swap;
    }
    int last = 0;
    for (int c = 1; c < m; c++) {
      if (best[c] < best[last]) {
        last = c;
      }
    }
    return backtrack(t, from, last, timer);
  }

  private static Table table(
      KnowledgeBase kb,
      Soc soc,
      OsVersion os,
      LayerFacts facts,
      ComputeUnit[] allowed,
      LayerTimer timer) {
    String noneRuns = SupportRule.whyNoneRuns(kb, soc, os);
    if (!noneRuns.isEmpty()) {
      throw new DevqException(
          Diagnostic.error(
              DiagnosticCode.UNSUPPORTED, noneRuns, new SourceText("placement", ""), Span.at(0)));
    }
    int n = facts.size();
    int m = allowed.length;
    LayerFacts.Support support = facts.support(kb, soc, os);
    var t = new Table(facts, allowed, new double[n * m], support);
    for (int i = 0; i < n; i++) {
      boolean any = false;
      for (int u = 0; u < m; u++) {
        ComputeUnit unit = allowed[u];
        if (support.refusal(i, unit) != OpSupport.Refusal.NONE) {
          t.own[i * m + u] = Double.POSITIVE_INFINITY;
          continue;
        }
        any = true;
        t.own[i * m + u] = timer.ownTime(i, unit, timer.folded(i, unit, unit));
      }
      if (!any) {
        Layer l = facts.layers.get(i);
        throw new DevqException(
            Diagnostic.error(
                DiagnosticCode.UNSUPPORTED,
                "no allowed compute unit can run layer '"
                    + l.name()
                    + "' ("
                    + support.whyNot(i, allowed[0])
                    + ")",
                new SourceText("placement", ""),
                Span.at(0)));
      }
    }
    return t;
  }

  private static Result backtrack(Table t, int[] from, int last, LayerTimer timer) {
    int n = t.facts.size();
    int m = t.allowed.length;
    int[] unitOf = new int[n];
    int switches = 0;
    double switchTime = 0;
    double dispatchTime = 0;
    int u = last;
    for (int i = n - 1; i >= 0; i--) {
      unitOf[i] = u;
      int p = i > 0 ? from[i * m + u] : u;
      if (i > 0 && p != u) {
        switches++;
        switchTime += timer.switchTime(i);
      }
      if (i == 0 || p != u) {
        dispatchTime += timer.dispatch(t.allowed[u]);
      }
      u = p;
    }
    return new Result(prefetch(t, unitOf, timer), switches, switchTime, dispatchTime);
  }

  /**
   * Builds the chosen layers, hiding weight streaming behind the compute slack of earlier layers of
   * the same segment: a layer that computes longer than it moves data leaves the memory bus idle,
   * and later layers' weights load ahead in that time, as far as the cache can hold them ({@link
   * LayerTimer#prefetchBank()}). A segment is a run of layers on one unit; it starts empty.
   */
  private static List<LayerCost> prefetch(Table t, int[] unitOf, LayerTimer timer) {
    LayerFacts facts = t.facts;
    LayerCost[] out = new LayerCost[unitOf.length];
    double slack = 0;
    int previous = -1;
    int segment = -1;
    for (int i = 0; i < unitOf.length; i++) {
      int u = unitOf[i];
      ComputeUnit unit = t.allowed[u];
      ComputeUnit before = previous < 0 ? null : t.allowed[previous];
      boolean folded = timer.folded(i, unit, before);
      if (u != previous) {
        slack = 0;
        segment++;
      }
      double compute = timer.computeTime(i, unit, folded);
      double own = folded ? 0 : timer.memoryTime(i, unit);
      double hidden = folded ? 0 : Math.min(slack, Math.min(timer.weightTime(i, unit), own));
      double memory = own - hidden;
      boolean fallback = u != 0 && t.support.refusal(i, t.allowed[0]) != OpSupport.Refusal.NONE;
      out[i] =
          new LayerCost(
              facts.layers.get(i),
              unit,
              compute,
              memory,
              timer.outputTime(i, unit),
              folded ? 0 : timer.overhead(unit),
              folded ? 0 : timer.dramBytes(i),
              folded,
              fallback,
              reason(t, i, u, fallback, before, timer),
              segment);
      slack =
          folded
              ? slack
              : Math.min(timer.prefetchBank(unit), slack - hidden + Math.max(0, compute - memory));
      previous = u;
    }
    // List.of copies once; the Prediction then keeps that list rather than copying it again
    return List.of(out);
  }

  /**
   * Why layer i runs on unit u: nothing on the preferred unit, else why it left it; then the note
   * of support no source settles. Every part is a string made once, joined only when both exist.
   * Both units' times are the layer's after the unit {@code before} it, folded where that unit lets
   * it fold.
   */
  private static String reason(
      Table t, int i, int u, boolean fallback, ComputeUnit before, LayerTimer timer) {
    ComputeUnit unit = t.allowed[u];
    String unknown = t.support.unknownNote(i, unit);
    String why;
    if (u == 0) {
      why = "";
    } else if (fallback) {
      why = t.support.whyNot(i, t.allowed[0]);
    } else {
      double there = timeAfter(t, i, 0, before, timer);
      double here = timeAfter(t, i, u, before, timer);
      why = there > here ? FASTER[unit.ordinal()] : STAYS[unit.ordinal()];
    }
    if (unknown.isEmpty()) {
      return why;
    }
    return why.isEmpty() ? unknown : why + "; " + unknown;
  }

  /**
   * Layer i's time on unit u after a layer on {@code before}: the table's (folded where it folds)
   * unless the fold the table assumed is not taken there.
   */
  private static double timeAfter(Table t, int i, int u, ComputeUnit before, LayerTimer timer) {
    ComputeUnit unit = t.allowed[u];
    boolean folded = timer.folded(i, unit, before);
    return folded == timer.folded(i, unit, unit)
        ? t.own[i * t.allowed.length + u]
        : timer.ownTime(i, unit, folded);
  }

  /** Units in Core ML's order of preference: Neural Engine, then GPU, then CPU. */
  static List<ComputeUnit> preferenceOrder(UnitSet units) {
    List<ComputeUnit> out = new ArrayList<>();
    for (ComputeUnit u : List.of(ComputeUnit.ANE, ComputeUnit.GPU, ComputeUnit.CPU)) {
      if (units.allows(u)) {
        out.add(u);
      }
    }
    return out;
  }
}
