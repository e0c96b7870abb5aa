package dev.devq.view;

import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.Prediction;
import dev.devq.kb.ComputeUnit;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code explain} of a pipeline: the schedule of its stages on the compute units, then each stage's
 * summary.
 */
public final class PipelineTable {
  private PipelineTable() {}

  public static String render(PipelineEstimate p, boolean placementOnly) {
    var out = new StringBuilder();
    out.append(p.label())
        .append(" on ")
        .append(p.target().label())
        .append(" (")
        .append(p.target().device().name())
        .append("), ")
        .append(p.conditions().thermal().describe())
        .append(", units = ")
        .append(p.conditions().units().key())
        .append("\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"stage", "model", "unit", "layers", "start", "end", "waited"});
    for (PipelineEstimate.Slot s : p.schedule()) {
      Prediction stage = p.stages().get(s.stage());
      String layers =
          s.firstLayer() == s.lastLayer()
              ? stage.layers().get(s.firstLayer()).layer().name()
              : stage.layers().get(s.firstLayer()).layer().name()
                  + " … "
                  + stage.layers().get(s.lastLayer()).layer().name();
      rows.add(
          new String[] {
            Integer.toString(s.stage() + 1),
            stage.label(),
            s.unit().key(),
            layers,
            ExplainTable.time(s.start()),
            ExplainTable.time(s.end()),
            s.waited() > 0 ? ExplainTable.time(s.waited()) : ""
          });
    }
    out.append(ExplainTable.table(rows)).append("\n\n");
    out.append("latency     ").append(ExplainTable.time(p.latency())).append(" per pass\n");
    out.append(ExplainTable.loading(p).replace("start      ", "start       "));
    out.append("throughput  ")
        .append(
            QuantityFormat.format(
                Quantity.of(p.conditions().batch() / p.period(), Dimensions.FREQUENCY)))
        .append(" when passes stream (one every ")
        .append(ExplainTable.time(p.period()))
        .append(")\n");
    out.append("per unit    ")
        .append(ExplainTable.perKey(p.timePerUnit(), ComputeUnit::key))
        .append('\n');
    if (p.waited() > 0) {
      out.append("waited      ")
          .append(ExplainTable.time(p.waited()))
          .append(" for units other stages held\n");
    }
    out.append("memory      ")
        .append(ExplainTable.bytes(p.memoryBytes()))
        .append("   energy ")
        .append(QuantityFormat.format(Quantity.of(p.energy(), Dimensions.ENERGY)))
        .append(" per pass\n");
    for (int i = 0; i < p.stages().size(); i++) {
      Prediction stage = p.stages().get(i);
      out.append("\nstage ").append(i + 1).append(": ").append(stage.label()).append('\n');
      out.append(placementOnly ? ExplainTable.render(stage, true) : ExplainTable.summary(stage));
    }
    return out.toString().stripTrailing();
  }
}
