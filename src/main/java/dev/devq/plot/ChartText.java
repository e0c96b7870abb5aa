package dev.devq.plot;

import dev.devq.lang.unit.QuantityFormat;
import java.util.List;

/**
 * A chart as plain text: kind, titles, axes with units, then every series and point. Golden tests
 * compare it (the data, not the SVG bytes, which depend on font metrics), and review documents hash
 * it to tell whether a figure's data changed.
 */
public final class ChartText {
  private ChartText() {}

  /** The whole chart, one fact per line. */
  public static String render(Chart chart) {
    return chart.accept(new Printer());
  }

  /** What a chart shows, in a few words: {@code line chart, 2 series of 31 points}. */
  public static String summary(Chart chart) {
    return chart.accept(
        new Chart.Visitor<>() {
          @Override
          public String visitLines(Chart.Lines c) {
            return "line chart, "
                + count(c.series().size(), "series")
                + " of "
                + count(c.series().get(0).points().size(), "point");
          }

          @Override
          public String visitBars(Chart.Bars c) {
            return "bar chart, "
                + count(c.series().size(), "series")
                + " over "
                + count(c.categories().size(), "category");
          }

          @Override
          public String visitTimeline(Chart.Timeline c) {
            return "timeline, "
                + count(c.bars().size(), "bar")
                + " on "
                + count(c.lanes().size(), "unit");
          }

          @Override
          public String visitRoofline(Chart.Roofline c) {
            return "roofline, "
                + count(c.layers().stream().mapToInt(s -> s.points().size()).sum(), "layer");
          }
        });
  }

  private static String count(int n, String noun) {
    if (n == 1 || noun.equals("series")) {
      return n + " " + noun;
    }
    return n
        + " "
        + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
  }

  private static final class Printer implements Chart.Visitor<String> {
    private final StringBuilder out = new StringBuilder();

    @Override
    public String visitLines(Chart.Lines c) {
      head("lines", c);
      axis("x", c.x());
      axis("y", c.y());
      series("series", c.series());
      series("budget", c.budgets());
      return out.toString();
    }

    @Override
    public String visitBars(Chart.Bars c) {
      head("bars", c);
      axis("x", c.x());
      out.append("categories: ").append(String.join(", ", c.categories())).append('\n');
      axis("y", c.y());
      series("series", c.series());
      series("budget", c.budgets());
      return out.toString();
    }

    @Override
    public String visitTimeline(Chart.Timeline c) {
      head("timeline", c);
      axis("time", c.time());
      out.append("lanes: ").append(String.join(", ", c.lanes())).append('\n');
      for (Chart.Gap g : c.gaps()) {
        out.append("gap ").append(g.kind()).append(' ').append(range(g.start(), g.end()));
        out.append('\n');
      }
      bars("segment", c.segments(), c.lanes());
      bars("bar", c.bars(), c.lanes());
      return out.toString();
    }

    @Override
    public String visitRoofline(Chart.Roofline c) {
      head("roofline", c);
      axis("x", c.x());
      axis("y", c.y());
      series("roof", c.roofs());
      series("layers", c.layers());
      c.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
      return out.toString();
    }

    private void head(String kind, Chart c) {
      out.append(kind).append(": ").append(c.title()).append('\n');
      if (!c.subtitle().isEmpty()) {
        out.append("subtitle: ").append(c.subtitle()).append('\n');
      }
    }

    private void axis(String name, Chart.Axis a) {
      out.append(name).append(": ").append(a.text()).append('\n');
    }

    private void series(String kind, List<Chart.Series> all) {
      for (Chart.Series s : all) {
        out.append(kind).append(' ').append(s.name()).append('\n');
        for (Chart.Point p : s.points()) {
          out.append("  ").append(n(p.x())).append("  ").append(n(p.y()));
          if (p.hasRange()) {
            out.append("  [").append(n(p.low())).append(", ").append(n(p.high())).append(']');
          }
          if (!p.label().isEmpty()) {
            out.append("  ").append(p.label());
          }
          out.append('\n');
        }
      }
    }

    private void bars(String kind, List<Chart.Bar> bars, List<String> lanes) {
      for (Chart.Bar b : bars) {
        out.append(kind)
            .append(' ')
            .append(lanes.get(b.lane()))
            .append(' ')
            .append(range(b.start(), b.end()))
            .append(' ')
            .append(b.group());
        if (!b.label().isEmpty()) {
          out.append(' ').append(b.label());
        }
        out.append('\n');
      }
    }

    private static String range(double from, double to) {
      return n(from) + ".." + n(to);
    }

    /** Four significant digits: enough to see a change in a golden diff, few enough to read. */
    private static String n(double v) {
      return QuantityFormat.number(v, 4);
    }
  }
}
