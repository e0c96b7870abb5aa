package dev.devq.view;

import dev.devq.cost.Bound;
import dev.devq.cost.Breakdown;
import dev.devq.cost.LayerCost;
import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.Prediction;
import dev.devq.kb.ComputeUnit;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-layer table and summary of {@code explain} and {@code placement}. */
public final class ExplainTable {
  private ExplainTable() {}

  public static String render(Breakdown b, boolean placementOnly) {
    return b instanceof PipelineEstimate p
        ? PipelineTable.render(p, placementOnly)
        : render((Prediction) b, placementOnly);
  }

  public static String render(Prediction est, boolean placementOnly) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        placementOnly
            ? new String[] {"layer", "op", "unit", "reason"}
            : new String[] {
              "layer", "op", "unit", "FLOPs", "bytes", "compute", "memory", "bound", "reason"
            });
    for (LayerCost c : est.layers()) {
      String reason =
          c.fused() ? (c.reason().isEmpty() ? "fused" : "fused; " + c.reason()) : c.reason();
      rows.add(
          placementOnly
              ? new String[] {c.layer().name(), c.layer().op(), c.unit().key(), reason}
              : new String[] {
                c.layer().name(),
                c.layer().op(),
                c.unit().key(),
                QuantityFormat.format(
                    Quantity.number(c.layer().flops() * (double) est.conditions().batch())),
                bytes(c.dramBytes()),
                time(c.computeTime()),
                time(c.memoryTime()),
                c.bound().key(),
                reason
              });
    }
    var out = new StringBuilder();
    out.append(est.model().label())
        .append(" on ")
        .append(est.target().label())
        .append(" (")
        .append(est.target().device().name())
        .append("), ")
        .append(est.conditions().thermal().describe())
        .append(", units = ")
        .append(est.conditions().units().key());
    if (est.conditions().runtime() != dev.devq.cost.Runtime.COREML) {
      out.append(", runtime = ").append(est.conditions().runtime().key());
    }
    if (est.conditions().batch() > 1) {
      out.append(", batch ").append(est.conditions().batch());
    }
    if (est.conditions().start().loads()) {
      out.append(", start = ").append(est.conditions().start().key());
    }
    out.append("\n\n").append(table(rows)).append('\n');
    out.append(summary(est));
    return out.toString();
  }

  public static String summary(Prediction est) {
    var out = new StringBuilder();
    double total = est.latency();
    out.append("total      ").append(time(total));
    if (est.rangeLow() != 1 || est.rangeHigh() != 1) {
      out.append("  (80% range ")
          .append(time(est.latencyLow()))
          .append(" – ")
          .append(time(est.latencyHigh()))
          .append(')');
    }
    out.append('\n');
    out.append(loading(est));
    Map<ComputeUnit, Double> units = est.timePerUnit();
    out.append("per unit   ");
    units.forEach((u, t) -> out.append(u.key()).append(' ').append(time(t)).append("  "));
    out.append('\n');
    Map<Bound, Double> bounds = est.timePerBound();
    out.append("per bound  ");
    bounds.forEach((b, t) -> out.append(b.key()).append(' ').append(time(t)).append("  "));
    out.append('\n');
    out.append("switches   ")
        .append(est.switches())
        .append(" (")
        .append(time(est.switchTime()))
        .append(")\n");
    out.append("fixed      ").append(time(est.fixedTime())).append(" per prediction\n");
    out.append("thermal    ")
        .append(QuantityFormat.number(est.thermalFactor() * 100))
        .append("% of peak\n");
    out.append("memory     ")
        .append(bytes(est.memoryBytes()))
        .append("   energy ")
        .append(QuantityFormat.format(Quantity.of(est.energy(), Dimensions.ENERGY)))
        .append(" per prediction\n");
    List<LayerCost> fallbacks = est.fallbacks();
    if (!fallbacks.isEmpty()) {
      out.append("fallbacks  ")
          .append(fallbacks.size())
          .append(fallbacks.size() == 1 ? " layer" : " layers")
          .append(" left the preferred unit:\n");
      Map<String, Integer> byReason = new LinkedHashMap<>();
      fallbacks.forEach(c -> byReason.merge(c.reason() + " → " + c.unit().key(), 1, Integer::sum));
      byReason.forEach(
          (reason, n) ->
              out.append("           ").append(n).append(" × ").append(reason).append('\n'));
    }
    return out.toString();
  }

  /** How a cold or first start splits into loading and the prediction itself. */
  public static String loading(Breakdown b) {
    if (!b.conditions().start().loads()) {
      return "";
    }
    String what = b.conditions().start().compiles() ? "read, setup and compile" : "read and setup";
    return "start      "
        + b.conditions().start().key()
        + ": load "
        + time(b.loadTime())
        + " ("
        + what
        + ") + prediction "
        + time(b.warmLatency())
        + "\n";
  }

  public static String time(double seconds) {
    return QuantityFormat.format(Quantity.of(seconds, Dimensions.TIME));
  }

  public static String bytes(double b) {
    return QuantityFormat.format(Quantity.of(b, Dimensions.BYTES));
  }

  public static String table(List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    var out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      var line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        line.append(
            i == cols - 1 ? rows.get(r)[i] : TextRender.pad(rows.get(r)[i], width[i]) + "  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = 0;
        for (int w : width) {
          total += w + 2;
        }
        out.append("-".repeat(Math.max(0, total - 2))).append('\n');
      }
    }
    return out.toString().stripTrailing();
  }
}
