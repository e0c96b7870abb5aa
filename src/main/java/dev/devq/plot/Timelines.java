package dev.devq.plot;

import dev.devq.cost.Breakdown;
import dev.devq.cost.LayerCost;
import dev.devq.cost.MemoryLimit;
import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.Prediction;
import dev.devq.kb.ComputeUnit;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.view.CannotRunText;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule of one warm pass as a Gantt chart per compute unit. For one model: the fixed
 * per-prediction cost first, then every layer on the unit placement chose, coloured by what bounds
 * it; a run of consecutive layers on one unit is a segment, and a switch between units is a gap.
 * The prediction keeps only the total switch time, so each switch gets an equal share, as the
 * pipeline scheduler assumes. For a pipeline: the scheduler's runs, one colour per model.
 */
final class Timelines {
  private Timelines() {}

  static Chart.Timeline of(Breakdown b, String title) {
    String unit = Axes.unitFor(Dimensions.TIME, b.warmLatency());
    return b instanceof PipelineEstimate p
        ? pipeline(p, title, unit)
        : model((Prediction) b, title, unit);
  }

  private static Chart.Timeline model(Prediction est, String title, String unit) {
    List<ComputeUnit> units = lanes(est.layers().stream().map(LayerCost::unit).toList());
    List<Chart.Bar> bars = new ArrayList<>();
    List<Chart.Bar> segments = new ArrayList<>();
    List<Chart.Gap> gaps = new ArrayList<>();
    double perSwitch = est.switches() == 0 ? 0 : est.switchTime() / est.switches();
    double t = est.fixedTime();
    if (t > 0) {
      gaps.add(new Chart.Gap(0, s(t, unit), "fixed"));
    }
    List<LayerCost> layers = est.layers();
    int first = 0;
    double runStart = t;
    for (int i = 0; i < layers.size(); i++) {
      LayerCost c = layers.get(i);
      if (i > 0 && c.unit() != layers.get(i - 1).unit()) {
        gaps.add(new Chart.Gap(s(t, unit), s(t + perSwitch, unit), "switch"));
        t += perSwitch;
        runStart = t;
      }
      int lane = units.indexOf(c.unit());
      if (c.time() > 0) {
        bars.add(
            new Chart.Bar(
                lane, s(t, unit), s(t + c.time(), unit), c.bound().key(), c.layer().name()));
      }
      t += c.time();
      boolean last = i == layers.size() - 1 || layers.get(i + 1).unit() != c.unit();
      if (last) {
        int n = i - first + 1;
        String label =
            layers.get(first).layer().name()
                + (n == 1 ? "" : " … " + c.layer().name())
                + " ("
                + n
                + (n == 1 ? " layer, " : " layers, ")
                + QuantityFormat.format(Quantity.of(t - runStart, Dimensions.TIME))
                + ")";
        segments.add(new Chart.Bar(lane, s(runStart, unit), s(t, unit), "segment", label));
        first = i + 1;
      }
    }
    String subtitle =
        conditions(est)
            + "; "
            + segments.size()
            + (segments.size() == 1 ? " segment, " : " segments, ")
            + est.switches()
            + (est.switches() == 1 ? " switch" : " switches")
            + loading(est);
    return new Chart.Timeline(
        title, subtitle, new Chart.Axis("time", unit), names(units), segments, bars, gaps);
  }

  private static Chart.Timeline pipeline(PipelineEstimate p, String title, String unit) {
    List<ComputeUnit> units =
        lanes(p.schedule().stream().map(PipelineEstimate.Slot::unit).toList());
    List<Chart.Bar> bars = new ArrayList<>();
    for (PipelineEstimate.Slot slot : p.schedule()) {
      Prediction stage = p.stages().get(slot.stage());
      String layers =
          stage.layers().get(slot.firstLayer()).layer().name()
              + (slot.lastLayer() == slot.firstLayer()
                  ? ""
                  : " … " + stage.layers().get(slot.lastLayer()).layer().name());
      bars.add(
          new Chart.Bar(
              units.indexOf(slot.unit()),
              s(slot.start(), unit),
              s(slot.end(), unit),
              (slot.stage() + 1) + ". " + stage.label(),
              layers));
    }
    String subtitle =
        conditions(p)
            + "; "
            + p.schedule().size()
            + " runs of "
            + p.stages().size()
            + " models"
            + loading(p);
    return new Chart.Timeline(
        title, subtitle, new Chart.Axis("time", unit), names(units), List.of(), bars, List.of());
  }

  /** The units that run something, in the enum's order (Neural Engine, GPU, CPU). */
  private static List<ComputeUnit> lanes(List<ComputeUnit> used) {
    List<ComputeUnit> out = new ArrayList<>();
    for (ComputeUnit u : ComputeUnit.values()) {
      if (used.contains(u)) {
        out.add(u);
      }
    }
    return out;
  }

  private static List<String> names(List<ComputeUnit> units) {
    return units.stream().map(ComputeUnit::title).toList();
  }

  static String conditions(Breakdown b) {
    return b.label()
        + " on "
        + b.target().label()
        + ", "
        + b.conditions().thermal().describe()
        + ", units = "
        + b.conditions().units().key()
        + (b.conditions().batch() > 1 ? ", batch " + b.conditions().batch() : "")
        + MemoryLimit.refusal(b).map(c -> "; " + CannotRunText.value(c)).orElse("");
  }

  /** A cold start's loading comes before the pass; it is named, not drawn, as it can dwarf it. */
  private static String loading(Breakdown b) {
    return b.conditions().start().loads()
        ? "; load before the pass: "
            + QuantityFormat.format(Quantity.of(b.loadTime(), Dimensions.TIME))
        : "";
  }

  private static double s(double seconds, String unit) {
    return Axes.scale(seconds, unit, Dimensions.TIME);
  }
}
