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
    Points points = Points.of(est);
    if (points.perUnit.stream().allMatch(List::isEmpty)) {
      throw nothingToDraw(est, points.cached, at);
    }
    double bandwidth = soc.bandwidth().value().value();
    List<ComputeUnit> used = new ArrayList<>();
    double top = points.top;
    for (ComputeUnit u : ComputeUnit.values()) {
      if (!points.perUnit.get(u.ordinal()).isEmpty()) {
        used.add(u);
        top = Math.max(top, costs.peak(soc, u, est.model().format()) * est.thermalFactor());
      }
    }
    String yUnit = Axes.unitFor(Dimensions.THROUGHPUT, top);
    List<String> notes = new ArrayList<>();
    List<Chart.Series> roofs = new ArrayList<>();
    List<Chart.Series> layers = new ArrayList<>();
    for (ComputeUnit u : used) {
      double peak = costs.peak(soc, u, est.model().format()) * est.thermalFactor();
      double reach = costs.bandwidth(soc, u);
      if (Double.isFinite(peak) && Double.isFinite(reach)) {
        roofs.add(roof(u, peak, reach, points.lo / 4, points.hi * 4, yUnit));
        if (reach < bandwidth) {
          notes.add(slowerRoof(u, reach, bandwidth));
        }
      } else {
        notes.add(
            "no roof for the "
                + u.title()
                + ": the profile of "
                + soc.id()
                + " lacks its peak or bandwidth");
      }
      layers.add(new Chart.Series(u.title(), scaled(points.perUnit.get(u.ordinal()), yUnit)));
    }
    notes.addAll(leftOut(points.hidden, points.cached));
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

  /**
   * The layers as points per compute unit (by ordinal), the span of their intensities ({@code lo},
   * {@code hi}) and their highest rate ({@code top}); {@code hidden} layers have no FLOPs or time
   * and {@code cached} ones no DRAM byte to divide by, so neither is a point.
   */
  private record Points(
      List<List<Chart.Point>> perUnit, int hidden, int cached, double lo, double hi, double top) {
    static Points of(Prediction est) {
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
      return new Points(perUnit, hidden, cached, lo, hi, top);
    }
  }

  /** The refusal of a prediction with no layer to draw, saying why. */
  private static PlotError nothingToDraw(Prediction est, int cached, Piece at) {
    return at.error(
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

  /** Why a unit's roof is below the SoC's bandwidth, which the subtitle names. */
  private static String slowerRoof(ComputeUnit u, double reach, double bandwidth) {
    return "the "
        + u.title()
        + "'s roof is "
        + (u == ComputeUnit.ANE
            ? "the part one Core ML prediction runs on"
            : "the bandwidth its cores reach, below the SoC's "
                + QuantityFormat.format(Quantity.of(bandwidth, Dimensions.BANDWIDTH)))
        + ": DRAM "
        + QuantityFormat.format(Quantity.of(reach, Dimensions.BANDWIDTH));
  }

  /** A unit's points with their rates in the axis's unit. */
  private static List<Chart.Point> scaled(List<Chart.Point> points, String yUnit) {
    List<Chart.Point> scaled = new ArrayList<>();
    for (Chart.Point p : points) {
      double y = Axes.scale(p.y(), yUnit, Dimensions.THROUGHPUT);
      scaled.add(new Chart.Point(p.x(), y, y, y, p.label()));
    }
    return scaled;
  }

  /** Notes on the layers the chart leaves out. */
  private static List<String> leftOut(int hidden, int cached) {
    List<String> notes = new ArrayList<>();
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
    return notes;
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
