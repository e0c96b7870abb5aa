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
import java.util.Arrays;
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
   * Per-layer times on every allowed unit (index {@code i * m + u}); infinite where a unit cannot
   * run a layer.
   */
  private record Table(
      List<Layer> layers,
      List<ComputeUnit> allowed,
      double[] own,
      double[] compute,
      double[] memory,
      double[] dram,
      boolean[] fused,
      OpSupport.Refusal[] preferred,
      LayerFacts.Support support) {}

  static Result place(
      KnowledgeBase kb,
      Soc soc,
      OsVersion os,
      LayerFacts facts,
      List<ComputeUnit> allowed,
      LayerTimer timer) {
    Table t = table(kb, soc, os, facts, allowed, timer);
    int n = facts.size();
    int m = allowed.size();
    double[] best = new double[m];
    double[] next = new double[m];
    int[] from = new int[n * m];
    for (int i = 0; i < n; i++) {
      double switchTime = i > 0 ? timer.switchTime(i) : 0;
      for (int u = 0; u < m; u++) {
        double own = t.own[i * m + u];
        double enter = timer.dispatch(allowed.get(u));
        if (own == Double.POSITIVE_INFINITY || i == 0) {
          next[u] = own + enter;
          continue;
        }
        next[u] = Double.POSITIVE_INFINITY;
        for (int p = 0; p < m; p++) {
          double via = best[p] + (p == u ? 0 : switchTime + enter) + own;
          if (via < next[u]) {
            next[u] = via;
            from[i * m + u] = p;
          }
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
    return backtrack(kb, soc, os, t, from, last, timer);
  }

  private static Table table(
      KnowledgeBase kb,
      Soc soc,
      OsVersion os,
      LayerFacts facts,
      List<ComputeUnit> allowed,
      LayerTimer timer) {
    String noneRuns = SupportRule.whyNoneRuns(kb, soc, os);
    if (!noneRuns.isEmpty()) {
      throw new DevqException(
          Diagnostic.error(
              DiagnosticCode.UNSUPPORTED, noneRuns, new SourceText("placement", ""), Span.at(0)));
    }
    int n = facts.size();
    int m = allowed.size();
    int units = ComputeUnit.values().length;
    LayerFacts.Support support = facts.support(kb, soc, os);
    OpSupport.Refusal[] refusals = support.refusals;
    var t =
        new Table(
            facts.layers,
            allowed,
            new double[n * m],
            new double[n * m],
            new double[n * m],
            new double[n],
            facts.fused,
            new OpSupport.Refusal[n],
            support);
    for (int i = 0; i < n; i++) {
      Layer l = facts.layers.get(i);
      boolean fused = facts.fused[i];
      t.dram[i] = fused ? 0 : timer.dramBytes(i);
      boolean any = false;
      for (int u = 0; u < m; u++) {
        ComputeUnit unit = allowed.get(u);
        OpSupport.Refusal refusal = refusals[i * units + unit.ordinal()];
        if (u == 0) {
          t.preferred[i] = refusal;
        }
        if (refusal != OpSupport.Refusal.NONE) {
          t.own[i * m + u] = Double.POSITIVE_INFINITY;
          continue;
        }
        any = true;
        double compute = timer.computeTime(i, unit);
        t.compute[i * m + u] = compute;
        t.memory[i * m + u] = fused ? 0 : timer.memoryTime(i, unit);
        t.own[i * m + u] =
            Math.max(compute, t.memory[i * m + u]) + (fused ? 0 : timer.overhead(unit));
      }
      if (!any) {
        throw new DevqException(
            Diagnostic.error(
                DiagnosticCode.UNSUPPORTED,
                "no allowed compute unit can run layer '"
                    + l.name()
                    + "' ("
                    + OpSupport.whyNot(kb, soc, os, allowed.get(0), l)
                    + ")",
                new SourceText("placement", ""),
                Span.at(0)));
      }
    }
    return t;
  }

  private static Result backtrack(
      KnowledgeBase kb, Soc soc, OsVersion os, Table t, int[] from, int last, LayerTimer timer) {
    int n = t.layers.size();
    int m = t.allowed.size();
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
        dispatchTime += timer.dispatch(t.allowed.get(u));
      }
      u = p;
    }
    return new Result(prefetch(kb, soc, os, t, unitOf, timer), switches, switchTime, dispatchTime);
  }

  /**
   * Builds the chosen layers, hiding weight streaming behind the compute slack of earlier layers of
   * the same segment: a layer that computes longer than it moves data leaves the memory bus idle,
   * and later layers' weights load ahead in that time, as far as the cache can hold them ({@link
   * LayerTimer#prefetchBank()}). A segment is a run of layers on one unit; it starts empty.
   */
  private static List<LayerCost> prefetch(
      KnowledgeBase kb, Soc soc, OsVersion os, Table t, int[] unitOf, LayerTimer timer) {
    int m = t.allowed.size();
    LayerCost[] out = new LayerCost[unitOf.length];
    double slack = 0;
    int previous = -1;
    int segment = -1;
    for (int i = 0; i < unitOf.length; i++) {
      int u = unitOf[i];
      Layer l = t.layers.get(i);
      ComputeUnit unit = t.allowed.get(u);
      boolean fused = t.fused[i];
      if (u != previous) {
        slack = 0;
        segment++;
      }
      double compute = t.compute[i * m + u];
      double own = t.memory[i * m + u];
      double hidden = fused ? 0 : Math.min(slack, Math.min(timer.weightTime(i, unit), own));
      double memory = own - hidden;
      boolean fallback = u != 0 && t.preferred[i] != OpSupport.Refusal.NONE;
      out[i] =
          new LayerCost(
              l,
              unit,
              compute,
              memory,
              fused ? 0 : timer.overhead(unit),
              t.dram[i],
              fused,
              fallback,
              reason(kb, soc, os, t, i, u),
              segment);
      slack =
          fused
              ? slack
              : Math.min(timer.prefetchBank(unit), slack - hidden + Math.max(0, compute - memory));
      previous = u;
    }
    return Arrays.asList(out);
  }

  /** Why layer i runs on unit u: nothing on the preferred unit, else why it left it. */
  private static String reason(KnowledgeBase kb, Soc soc, OsVersion os, Table t, int i, int u) {
    String unknown = t.support.unknownNote(i, t.allowed.get(u));
    String why = whyHere(kb, soc, os, t, i, u);
    return why.isEmpty() || unknown.isEmpty() ? why + unknown : why + "; " + unknown;
  }

  private static String whyHere(KnowledgeBase kb, Soc soc, OsVersion os, Table t, int i, int u) {
    if (u == 0) {
      return "";
    }
    if (t.preferred[i] != OpSupport.Refusal.NONE) {
      return OpSupport.whyNot(kb, soc, os, t.allowed.get(0), t.layers.get(i));
    }
    int m = t.allowed.size();
    return t.own[i * m] > t.own[i * m + u]
        ? "faster on the " + t.allowed.get(u).title()
        : "stays on the " + t.allowed.get(u).title() + " to avoid a switch";
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
