package dev.devq.plot;

import java.util.List;

/**
 * What a picture shows, before any drawing: the kind of chart, its title, its axes with units and
 * its data, all numbers already in the axis units. Built by {@link Plots} from devq results; drawn
 * by {@code dev.devq.plot.svg}; printed by {@link ChartText} for golden tests and for the figure
 * hash of review documents.
 *
 * <pre>{@code
 * Chart c = Plots.plot(devq, Session.EMPTY, request);
 * c.accept(visitor);
 * }</pre>
 */
public sealed interface Chart {
  String title();

  /** A second line under the title: what was swept, what a shaded band means; may be empty. */
  String subtitle();

  <R> R accept(Visitor<R> v);

  /** One method per kind of chart, so a renderer that misses a kind does not compile. */
  interface Visitor<R> {
    R visitLines(Lines c);

    R visitBars(Bars c);

    R visitTimeline(Timeline c);

    R visitRoofline(Roofline c);
  }

  /** An axis: what it measures and the unit of its numbers (empty for plain numbers). */
  record Axis(String label, String unit) {
    /** {@code latency (ms)}, or the label alone without a unit. */
    public String text() {
      return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
  }

  /**
   * One point; {@code low} and {@code high} bound its 80% range and equal {@code y} when there is
   * none. {@code label} names it where the chart shows names (a layer of a roofline), or is empty.
   */
  record Point(double x, double y, double low, double high, String label) {
    public static Point of(double x, double y) {
      return new Point(x, y, y, y, "");
    }

    public boolean hasRange() {
      return low != y || high != y;
    }
  }

  /** A named line, set of bars or scatter of points. */
  record Series(String name, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }

    /** Whether any point carries a range, drawn as a band or error bar. */
    public boolean banded() {
      return points.stream().anyMatch(Point::hasRange);
    }
  }

  /**
   * A line chart of values against a numeric parameter: several series, each with its 80% band
   * where it has one, and the budget the values are compared with.
   */
  record Lines(
      String title, String subtitle, Axis x, Axis y, List<Series> series, List<Series> budgets)
      implements Chart {
    public Lines {
      series = List.copyOf(series);
      budgets = List.copyOf(budgets);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitLines(this);
    }
  }

  /**
   * Bars over named categories (targets, models); a point's {@code x} is the index of its category.
   */
  record Bars(
      String title,
      String subtitle,
      Axis x,
      List<String> categories,
      Axis y,
      List<Series> series,
      List<Series> budgets)
      implements Chart {
    public Bars {
      categories = List.copyOf(categories);
      series = List.copyOf(series);
      budgets = List.copyOf(budgets);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitBars(this);
    }
  }

  /**
   * One pass of a model as a schedule: one lane per compute unit, a bar per layer (or per run of a
   * pipeline stage) in time, the runs of consecutive layers on one unit as segments, and the gaps
   * that hold no unit (fixed cost, switches between units, loading).
   */
  record Timeline(
      String title,
      String subtitle,
      Axis time,
      List<String> lanes,
      List<Bar> segments,
      List<Bar> bars,
      List<Gap> gaps)
      implements Chart {
    public Timeline {
      lanes = List.copyOf(lanes);
      segments = List.copyOf(segments);
      bars = List.copyOf(bars);
      gaps = List.copyOf(gaps);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitTimeline(this);
    }
  }

  /**
   * A span of time on a lane; {@code group} picks its colour and legend entry ({@code compute},
   * {@code memory}, {@code overhead}, or a pipeline stage), {@code label} says what it is.
   */
  record Bar(int lane, double start, double end, String group, String label) {}

  /** Time that holds no compute unit: {@code load}, {@code fixed} or {@code switch}. */
  record Gap(double start, double end, String kind) {}

  /**
   * Layers at their arithmetic intensity against the roofs of the units they run on: each roof is
   * {@code min(peak, bandwidth × intensity)}, each layer a point named after it.
   */
  record Roofline(
      String title,
      String subtitle,
      Axis x,
      Axis y,
      List<Series> roofs,
      List<Series> layers,
      List<String> notes)
      implements Chart {
    public Roofline {
      roofs = List.copyOf(roofs);
      layers = List.copyOf(layers);
      notes = List.copyOf(notes);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitRoofline(this);
    }
  }
}
