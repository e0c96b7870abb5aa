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
   * The chosen layers with their segment ids, and each one's time ({@code times}, which the
   * prediction's total and energy read rather than work out again); {@code dispatchTime} is what
   * entering the segments costs (the Neural Engine's per-segment dispatch), {@code engineSegments}
   * how many of them run on the Neural Engine.
   */
  record Result(
      List<LayerCost> layers,
      double[] times,
      int switches,
      double switchTime,
      double dispatchTime,
      int engineSegments) {}

  /** The chosen layers and each one's {@link LayerCost#time}, worked out as they are built. */
  record Chosen(List<LayerCost> layers, double[] times) {}

  /**
   * Per-layer times on every allowed unit (index {@code i * m + u}): {@code own} after a layer on
   * the same unit, so folded where the graph folds ({@link LayerTimer#folded}), infinite where a
   * unit cannot run a layer; {@code alone} after a layer on another unit, never folded, which the
   * search prices a switch into the layer with. Both come from one pass over the layers ({@link
   * LayerTimer#column}), so the search reads a time where it once worked one out per switch it
   * weighed. Only the chosen unit's compute and memory times are kept apart ({@link
   * ChosenLayers#build} computes them again, the same arithmetic).
   */
  record Table(
      LayerFacts facts,
      ComputeUnit[] allowed,
      double[] own,
      double[] alone,
      LayerFacts.Support support) {}

  /**
   * The kinds of reason a layer off the preferred unit gives ({@link LayerFacts#REASON_KINDS}):
   * faster there, staying to avoid a switch, and from {@code REFUSED_KIND} on, the refusal of the
   * preferred unit, whose ordinal is added.
   */
  private static final int FASTER_KIND = 0;

  private static final int STAYS_KIND = 1;
  private static final int REFUSED_KIND = 2;

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
      ComputeUnit[] allowed,
      LayerTimer timer) {
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
    double[] owns = t.own;
    double[] alone = t.alone;
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
        double own = owns[i * m + u];
        if (own == Double.POSITIVE_INFINITY || i == 0) {
          next[u] = own + enter[u];
          continue;
        }
        if (timer.inWeights(i)) {
          // a batch norm the converter folded into the convolution's weights is no layer of the
          // converted model: it runs where the convolution does, and no switch can come before it
          next[u] = best[u] + own;
          from[i * m + u] = u;
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
        // That time is never below the folded one, so a switch that loses even at the folded time
        // loses.
        if (switched + own > stay) {
          continue;
        }
        double via = switched + alone[i * m + u];
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
    var t = new Table(facts, allowed, new double[n * m], new double[n * m], support);
    for (int u = 0; u < m; u++) {
      timer.column(allowed[u], t.own, t.alone, u, m);
    }
    OpSupport.Refusal[] refusals = support.refusals;
    for (int i = 0; i < n; i++) {
      boolean any = false;
      for (int u = 0; u < m; u++) {
        if (refusals[i * LayerFacts.UNITS + allowed[u].ordinal()] != OpSupport.Refusal.NONE
            && !timer.inWeights(i)) {
          t.own[i * m + u] = Double.POSITIVE_INFINITY;
          t.alone[i * m + u] = Double.POSITIVE_INFINITY;
        } else {
          any = true;
        }
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
    int engineSegments = 0;
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
        engineSegments += t.allowed[u] == ComputeUnit.ANE ? 1 : 0;
      }
      u = p;
    }
    Chosen chosen = ChosenLayers.build(t, unitOf, timer);
    return new Result(
        chosen.layers, chosen.times, switches, switchTime, dispatchTime, engineSegments);
  }

  /**
   * Why layer i runs on unit u: nothing on the preferred unit, else why it left it; then the note
   * of support no source settles. Every part is a string made once, and so is their join ({@link
   * LayerFacts.Support#withNote}). Both units' times are the layer's after the unit {@code before}
   * it, folded where that unit lets it fold.
   */
  static String reason(
      Table t, int i, int u, boolean fallback, ComputeUnit before, LayerTimer timer) {
    ComputeUnit unit = t.allowed[u];
    if (u == 0) {
      return t.support.unknownNote(i, unit);
    }
    if (fallback) {
      ComputeUnit preferred = t.allowed[0];
      String why = t.support.whyNot(i, preferred);
      return t.support.withNote(i, unit, REFUSED_KIND + preferred.ordinal(), why);
    }
    double there = timeAfter(t, i, 0, before, timer);
    double here = timeAfter(t, i, u, before, timer);
    return there > here
        ? t.support.withNote(i, unit, FASTER_KIND, FASTER[unit.ordinal()])
        : t.support.withNote(i, unit, STAYS_KIND, STAYS[unit.ordinal()]);
  }

  /** Layer i's time on unit u after a layer on {@code before}: folded only where it folds. */
  private static double timeAfter(Table t, int i, int u, ComputeUnit before, LayerTimer timer) {
    int cell = i * t.allowed.length + u;
    return timer.folded(i, t.allowed[u], before) ? t.own[cell] : t.alone[cell];
  }

  /** {@link #preferenceOrder} by {@link UnitSet} ordinal, made once rather than per prediction. */
  private static final ComputeUnit[][] ORDERS = new ComputeUnit[UnitSet.values().length][];

  static {
    for (UnitSet units : UnitSet.values()) {
      List<ComputeUnit> out = new ArrayList<>();
      for (ComputeUnit u : List.of(ComputeUnit.ANE, ComputeUnit.GPU, ComputeUnit.CPU)) {
        if (units.allows(u)) {
          out.add(u);
        }
      }
      ORDERS[units.ordinal()] = out.toArray(new ComputeUnit[0]);
    }
  }

  /**
   * Units in Core ML's order of preference: Neural Engine, then GPU, then CPU. The array is shared:
   * callers only read it.
   */
  static ComputeUnit[] preferenceOrder(UnitSet units) {
    return ORDERS[units.ordinal()];
  }
}
