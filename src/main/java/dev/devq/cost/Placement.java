package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Soc;
import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a compute unit per layer: the shortest path over the layer sequence where each step
 * costs the layer's time on a unit and every change of unit costs a switch. Each layer keeps the
 * reason for its unit.
 */
final class Placement {
  private Placement() {}

  record Result(List<LayerCost> layers, int switches, double switchTime) {}

  static Result place(KnowledgeBase kb, Soc soc, List<Layer> layers, List<ComputeUnit> allowed, LayerTimer timer) {
    int n = layers.size();
    int m = allowed.size();
    double[][] best = new double[n][m];
    int[][] from = new int[n][m];
    LayerCost[][] costs = new LayerCost[n][m];
    String[] whyNotPreferred = new String[n];
    Layer previous = null;
    for (int i = 0; i < n; i++) {
      Layer l = layers.get(i);
      boolean fused = timer.fusable(previous, l);
      previous = l;
      whyNotPreferred[i] = OpSupport.whyNot(kb, soc, allowed.get(0), l);
      boolean any = false;
      for (int u = 0; u < m; u++) {
        String why = OpSupport.whyNot(kb, soc, allowed.get(u), l);
        if (!why.isEmpty()) {
          costs[i][u] = null;
          best[i][u] = Double.POSITIVE_INFINITY;
          continue;
        }
        any = true;
        costs[i][u] = timer.cost(l, allowed.get(u), fused, false, "");
        double own = costs[i][u].time();
        if (i == 0) {
          best[i][u] = own;
          continue;
        }
        best[i][u] = Double.POSITIVE_INFINITY;
        for (int p = 0; p < m; p++) {
          double via = best[i - 1][p] + (p == u ? 0 : timer.switchTime(l)) + own;
          if (via < best[i][u]) {
            best[i][u] = via;
            from[i][u] = p;
          }
        }
      }
      if (!any) {
        throw new DevqException(Diagnostic.error(DiagnosticCode.UNSUPPORTED, "no allowed compute unit can run layer '"
            + l.name() + "' (" + whyNotPreferred[i] + ")", new SourceText("placement", ""), Span.at(0)));
      }
    }
    return backtrack(layers, allowed, best, from, costs, whyNotPreferred, timer);
  }

  private static Result backtrack(List<Layer> layers, List<ComputeUnit> allowed, double[][] best, int[][] from,
      LayerCost[][] costs, String[] whyNotPreferred, LayerTimer timer) {
    int n = layers.size();
    int m = allowed.size();
    int u = 0;
    for (int c = 1; c < m; c++) {
      if (best[n - 1][c] < best[n - 1][u]) {
        u = c;
      }
    }
    LayerCost[] chosen = new LayerCost[n];
    int switches = 0;
    double switchTime = 0;
    for (int i = n - 1; i >= 0; i--) {
      LayerCost c = costs[i][u];
      String reason;
      boolean fallback = false;
      if (u == 0) {
        reason = "";
      } else if (!whyNotPreferred[i].isEmpty()) {
        reason = whyNotPreferred[i];
        fallback = true;
      } else {
        reason = costs[i][0] == null || costs[i][0].time() > c.time()
            ? "faster on the " + allowed.get(u).title()
            : "stays on the " + allowed.get(u).title() + " to avoid a switch";
      }
      chosen[i] = new LayerCost(c.layer(), c.unit(), c.computeTime(), c.memoryTime(), c.overhead(), c.dramBytes(),
          c.fused(), fallback, reason);
      int p = i > 0 ? from[i][u] : u;
      if (i > 0 && p != u) {
        switches++;
        switchTime += timer.switchTime(layers.get(i));
      }
      u = p;
    }
    return new Result(prefetch(List.of(chosen), timer), switches, switchTime);
  }

  /**
   * Hides each layer's weight streaming behind the compute slack of the layer before it on the
   * same unit: a layer that computes longer than it moves data leaves the memory bus idle, and the
   * next layer's weights load in that time.
   */
  static List<LayerCost> prefetch(List<LayerCost> layers, LayerTimer timer) {
    List<LayerCost> out = new ArrayList<>(layers.size());
    double slack = 0;
    ComputeUnit previous = null;
    for (LayerCost c : layers) {
      if (c.unit() != previous) {
        slack = 0;
      }
      double hidden = c.fused() ? 0 : Math.min(slack, Math.min(timer.weightTime(c.layer()), c.memoryTime()));
      double memory = c.memoryTime() - hidden;
      out.add(new LayerCost(c.layer(), c.unit(), c.computeTime(), memory, c.overhead(), c.dramBytes(), c.fused(),
          c.fallback(), c.reason()));
      slack = c.fused() ? slack : Math.max(0, c.computeTime() - memory);
      previous = c.unit();
    }
    return out;
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
