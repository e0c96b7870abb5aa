package dev.devq.view;

import dev.devq.cost.Breakdown;
import dev.devq.cost.LayerCost;
import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.Prediction;
import dev.devq.lang.CharacterNames;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of an estimate as a table, for {@code explain --format csv|markdown}: one row per
 * layer with its unit, FLOPs, DRAM bytes, compute, memory, output-stage and total time, bound and
 * reason (a pipeline's rows also name their model). The columns are quantities, so each gets one
 * unit. {@code --top} and {@code --group} cut it as they cut the text: the slowest layers, slowest
 * first, or one row per group (layers, units, FLOPs, DRAM bytes, time and share), largest first.
 */
public final class LayerTable {
  private LayerTable() {}

  /** The layers or groups {@code cut} keeps; a pipeline is shown whole, as in the text. */
  public static TableView of(Breakdown b, ExplainCut cut) {
    if (b instanceof Prediction est && cut.grouped()) {
      return groups(est, cut);
    }
    List<String> headers =
        new ArrayList<>(
            List.of(
                "layer",
                "op",
                "unit",
                "FLOPs",
                ExplainTable.DRAM_BYTES,
                "compute",
                "memory",
                "output",
                "time",
                "bound",
                "reason"));
    List<List<Value>> rows = new ArrayList<>();
    if (b instanceof PipelineEstimate p) {
      headers.add(0, "model");
      for (Prediction stage : p.stages()) {
        layers(stage, new Value.StrV(stage.model().label()), rows, ExplainCut.ALL);
      }
    } else {
      layers((Prediction) b, null, rows, cut);
    }
    return new TableView(new Value.TableV(headers, rows));
  }

  /** One row per group, largest time first, with the columns of the text's group table. */
  private static TableView groups(Prediction est, ExplainCut cut) {
    List<String> headers =
        List.of(cut.group(), "layers", "units", "FLOPs", ExplainTable.DRAM_BYTES, "time", "share");
    List<List<Value>> rows = new ArrayList<>();
    for (ExplainCut.Group g : cut.groups(est)) {
      rows.add(
          List.of(
              new Value.StrV(CharacterNames.visible(g.key())),
              new Value.QuantityV(Quantity.number(g.layers())),
              new Value.StrV(String.join(" ", g.units())),
              quantity(g.flops(), Dimensions.OPERATIONS),
              quantity(g.dramBytes(), Dimensions.BYTES),
              quantity(g.time(), Dimensions.TIME),
              new Value.QuantityV(new Quantity(g.time() / est.latency(), Dimensions.NONE, "%"))));
    }
    return new TableView(new Value.TableV(headers, rows));
  }

  private static void layers(Prediction est, Value model, List<List<Value>> rows, ExplainCut cut) {
    for (LayerCost c : cut.layers(est)) {
      List<Value> row = new ArrayList<>();
      if (model != null) {
        row.add(model);
      }
      row.add(new Value.StrV(CharacterNames.visible(c.layer().name())));
      row.add(new Value.StrV(c.layer().op()));
      row.add(new Value.StrV(c.unit().key()));
      row.add(
          quantity(c.layer().flops() * (double) est.conditions().batch(), Dimensions.OPERATIONS));
      row.add(quantity(c.dramBytes(), Dimensions.BYTES));
      row.add(quantity(c.computeTime(), Dimensions.TIME));
      row.add(quantity(c.memoryTime(), Dimensions.TIME));
      row.add(quantity(c.outputTime(), Dimensions.TIME));
      row.add(quantity(c.time(), Dimensions.TIME));
      row.add(new Value.StrV(c.bound().key()));
      row.add(new Value.StrV(ExplainTable.reason(c)));
      rows.add(row);
    }
  }

  private static Value quantity(double v, dev.devq.lang.unit.Dimension d) {
    return new Value.QuantityV(Quantity.of(v, d));
  }
}
