package dev.devq.plot.svg;

import dev.devq.plot.Chart;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link Chart} with JFreeChart into an SVG document with JFreeSVG. The only package that
 * imports either library. The output is a function of the chart alone: ids in the document use a
 * fixed prefix rather than JFreeSVG's time-based one, so the same chart gives the same bytes on one
 * machine (text positions follow the machine's font metrics, which is why tests and review
 * documents compare the chart model, not these bytes).
 *
 * <pre>{@code
 * String svg = SvgCharts.render(chart);
 * }</pre>
 */
public final class SvgCharts {
  /** The size of every chart, in CSS pixels. */
  public static final int WIDTH = 960;

  public static final int HEIGHT = 540;

  /** Okabe–Ito colours: told apart with every common colour-vision deficiency. */
  static final List<Color> PALETTE =
      List.of(
          new Color(0x0072B2),
          new Color(0xD55E00),
          new Color(0x009E73),
          new Color(0xCC79A7),
          new Color(0xE69F00),
          new Color(0x56B4E9),
          new Color(0x000000),
          new Color(0xF0E442));

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final BasicStroke LINE = new BasicStroke(2f);
  static final BasicStroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);

  private SvgCharts() {}

  /** The chart as a standalone SVG document. */
  public static String render(Chart chart) {
    JFreeChart drawn = chart.accept(new Builder());
    var g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setDefsKeyPrefix("devq");
    drawn.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGDocument();
  }

  /** Colour of the i-th series. */
  static Color color(int i) {
    return PALETTE.get(i % PALETTE.size());
  }

  /** A chart around a plot, with the house title, subtitle, legend and background. */
  static JFreeChart chart(Chart c, XYPlot plot, boolean legend) {
    var out = new JFreeChart(c.title(), TITLE, plot, legend);
    out.setBackgroundPaint(Color.WHITE);
    out.setAntiAlias(true);
    if (!c.subtitle().isEmpty()) {
      var sub = new TextTitle(c.subtitle(), SUBTITLE);
      sub.setPaint(Color.DARK_GRAY);
      out.addSubtitle(0, sub);
    }
    if (legend) {
      out.getLegend().setItemFont(SMALL);
      out.getLegend().setPosition(RectangleEdge.BOTTOM);
    }
    return out;
  }

  /** A plot with a white background and a light grid. */
  static XYPlot plot(ValueAxis x, ValueAxis y) {
    var plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setOutlineVisible(false);
    return plot;
  }

  static NumberAxis numberAxis(Chart.Axis a, boolean includeZero) {
    var axis = new NumberAxis(a.text());
    axis.setAutoRangeIncludesZero(includeZero);
    axis.setLabelFont(SUBTITLE);
    axis.setTickLabelFont(SMALL);
    axis.setStandardTickUnits(new TickLabels(a.unit().isEmpty()));
    return axis;
  }

  /** Dispatches on the kind of chart; each kind has its own small builder. */
  private static final class Builder implements Chart.Visitor<JFreeChart> {
    @Override
    public JFreeChart visitLines(Chart.Lines c) {
      return SweepCharts.lines(c);
    }

    @Override
    public JFreeChart visitBars(Chart.Bars c) {
      return SweepCharts.bars(c);
    }

    @Override
    public JFreeChart visitTimeline(Chart.Timeline c) {
      return ScheduleCharts.timeline(c);
    }

    @Override
    public JFreeChart visitRoofline(Chart.Roofline c) {
      return ScheduleCharts.roofline(c);
    }
  }
}
