package dev.devq.plot;

import dev.devq.cost.CostModel;
import dev.devq.cost.LayerCost;
import dev.devq.cost.Prediction;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Every layer of a prediction at its arithmetic intensity (FLOPs per DRAM byte) and the throughput
 * the cost model predicts for it, against the roof of each unit that runs it: {@code min(peak ×
 * thermal factor, DRAM bandwidth × intensity)}, with the peak for the model's precision. The
 * distance below the roof is what the fitted efficiencies and overheads take away.
 */
final class Rooflines {
  private Rooflines() {}

  static Chart.Roofline of(Prediction est, CostModel costs, String title, Piece at) {
    Soc soc = est.target().soc();
    double batch = est.conditions().batch();
    List<List<Chart.Point>> perUnit = new ArrayList<>();
    for (int i = 0; i < ComputeUnit.values().length; i++) {
      perUnit.add(new ArrayList<>());
    }
    int hidden = 0;
    int cached = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    double top = 0;
    for (LayerCost c : est.layers()) {
      double flops = c.layer().flops() * batch;
      if (!(flops > 0 && c.time() > 0)) {
        hidden++;
        continue;
      }
      if (!(c.dramBytes() > 0)) {
        // weights resident in the cache and activations on chip: no DRAM byte to divide by
        cached++;
        continue;
      }
      double intensity = flops / c.dramBytes();
      double rate = flops / c.time();
      lo = Math.min(lo, intensity);
      hi = Math.max(hi, intensity);
      top = Math.max(top, rate);
      perUnit
          .get(c.unit().ordinal())
          .add(new Chart.Point(intensity, rate, rate, rate, c.layer().name()));
    }
    if (perUnit.stream().allMatch(List::isEmpty)) {
      throw at.error(
          DiagnosticCode.UNSUPPORTED,
          "nothing to draw on a DRAM roofline: "
              + (cached > 0
                  ? "every layer of "
                      + est.label()
                      + " on "
                      + est.target().label()
                      + " runs from the cache, with no DRAM traffic"
                  : est.label() + " has no layer with FLOPs"),
          "a model whose weights exceed the cache (resnet50, a transformer) streams them from"
              + " DRAM; --timeline shows where the time goes");
    }
    double bandwidth = soc.bandwidth().value().value();
    List<String> notes = new ArrayList<>();
    List<ComputeUnit> used = new ArrayList<>();
    for (ComputeUnit u : ComputeUnit.values()) {
      if (!perUnit.get(u.ordinal()).isEmpty()) {
        used.add(u);
        top = Math.max(top, costs.peak(soc, u, est.model().format()) * est.thermalFactor());
      }
    }
    String yUnit = Axes.unitFor(Dimensions.THROUGHPUT, top);
    List<Chart.Series> roofs = new ArrayList<>();
    List<Chart.Series> layers = new ArrayList<>();
    for (ComputeUnit u : used) {
      double peak = costs.peak(soc, u, est.model().format()) * est.thermalFactor();
      double reach = costs.bandwidth(soc, u);
      if (Double.isFinite(peak) && Double.isFinite(reach)) {
        roofs.add(roof(u, peak, reach, lo / 4, hi * 4, yUnit));
        if (reach < bandwidth) {
          notes.add(
              "the "
                  + u.title()
                  + "'s roof is "
                  + (u == ComputeUnit.ANE
                      ? "the part one Core ML prediction runs on"
                      : "the bandwidth its cores reach, below the SoC's "
                          + QuantityFormat.format(Quantity.of(bandwidth, Dimensions.BANDWIDTH)))
                  + ": DRAM "
                  + QuantityFormat.format(Quantity.of(reach, Dimensions.BANDWIDTH)));
        }
      } else {
        notes.add(
            "no roof for the "
                + u.title()
                + ": the profile of "
                + soc.id()
                + " lacks its peak or bandwidth");
      }
      List<Chart.Point> scaled = new ArrayList<>();
      for (Chart.Point p : perUnit.get(u.ordinal())) {
        double y = Axes.scale(p.y(), yUnit, Dimensions.THROUGHPUT);
        scaled.add(new Chart.Point(p.x(), y, y, y, p.label()));
      }
      layers.add(new Chart.Series(u.title(), scaled));
    }
    if (hidden > 0) {
      notes.add(
          hidden
              + (hidden == 1 ? " layer" : " layers")
              + " without FLOPs or time (fused, reshapes) not shown");
    }
    if (cached > 0) {
      notes.add(
          cached
              + (cached == 1 ? " layer" : " layers")
              + " with no DRAM traffic (weights in the cache, activations on chip) not shown");
    }
    String subtitle =
        Timelines.conditions(est)
            + "; roofs: peak × thermal factor "
            + QuantityFormat.number(est.thermalFactor() * 100)
            + "%, DRAM "
            + QuantityFormat.format(Quantity.of(bandwidth, Dimensions.BANDWIDTH));
    return new Chart.Roofline(
        title,
        subtitle,
        new Chart.Axis("arithmetic intensity", "FLOP/B"),
        new Chart.Axis("throughput", yUnit),
        roofs,
        layers,
        notes);
  }

  /** The roof as a polyline over the intensities shown: the bandwidth slope, then the flat peak. */
  private static Chart.Series roof(
      ComputeUnit u, double peak, double bandwidth, double from, double to, String yUnit) {
    double ridge = peak / bandwidth;
    List<Chart.Point> points = new ArrayList<>();
    points.add(Chart.Point.of(from, y(Math.min(peak, bandwidth * from), yUnit)));
    if (ridge > from && ridge < to) {
      points.add(Chart.Point.of(ridge, y(peak, yUnit)));
    }
    points.add(Chart.Point.of(to, y(Math.min(peak, bandwidth * to), yUnit)));
    String name =
        u.title() + " roof " + QuantityFormat.format(Quantity.of(peak, Dimensions.THROUGHPUT));
    return new Chart.Series(name, points);
  }

  private static double y(double rate, String unit) {
    return Axes.scale(rate, unit, Dimensions.THROUGHPUT);
  }
}
