package dev.devq.plot.svg;

import dev.devq.plot.Chart;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Where the time goes inside a model: the per-unit timeline (segments as outlined boxes, layers as
 * bars inside them, switches and the fixed cost as shaded gaps) and the roofline (log–log, one roof
 * and one colour per compute unit).
 */
final class ScheduleCharts {
  private static final Color SEGMENT = new Color(0xF2F2F2);
  private static final Map<String, Color> GAPS =
      Map.of(
          "switch", new Color(0xE69F00), "fixed", new Color(0x999999), "load", new Color(0x56B4E9));

  /** What bounds a layer keeps its colour from chart to chart. */
  private static final Map<String, Color> BOUNDS =
      Map.of(
          "compute",
          SvgCharts.color(0),
          "memory",
          SvgCharts.color(1),
          "overhead",
          SvgCharts.color(2));

  /** A segment wider than this share of the pass gets its label written above it. */
  private static final double LABELLED = 0.12;

  private ScheduleCharts() {}

  static JFreeChart timeline(Chart.Timeline c) {
    NumberAxis time = SvgCharts.numberAxis(c.time(), true);
    var lanes = new SymbolAxis("", c.lanes().toArray(String[]::new));
    lanes.setTickLabelFont(SvgCharts.SUBTITLE);
    lanes.setGridBandsVisible(false);
    lanes.setRange(-0.6, c.lanes().size() - 0.4);
    lanes.setInverted(true); // the first lane (the Neural Engine) on top
    XYPlot plot = SvgCharts.plot(time, lanes);
    double end = 0;
    var segments = new XYIntervalSeriesCollection();
    var boxes = new XYIntervalSeries("segment");
    for (Chart.Bar s : c.segments()) {
      boxes.add(s.start(), s.start(), s.end(), s.lane(), s.lane() - 0.42, s.lane() + 0.42);
      end = Math.max(end, s.end());
    }
    segments.addSeries(boxes);
    Map<String, XYIntervalSeries> groups = new LinkedHashMap<>();
    for (Chart.Bar b : c.bars()) {
      groups
          .computeIfAbsent(b.group(), XYIntervalSeries::new)
          .add(b.start(), b.start(), b.end(), b.lane(), b.lane() - 0.3, b.lane() + 0.3);
      end = Math.max(end, b.end());
    }
    var bars = new XYIntervalSeriesCollection();
    groups.values().forEach(bars::addSeries);
    plot.setDataset(0, segments);
    plot.setRenderer(0, barRenderer(List.of(SEGMENT), true));
    List<Color> colors = new ArrayList<>();
    int next = 0;
    for (String g : groups.keySet()) {
      colors.add(BOUNDS.containsKey(g) ? BOUNDS.get(g) : SvgCharts.color(next++));
    }
    plot.setDataset(1, bars);
    plot.setRenderer(1, barRenderer(colors, false));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    LegendItemCollection legend = new LegendItemCollection();
    int i = 0;
    for (String g : groups.keySet()) {
      legend.add(new LegendItem(g, colors.get(i++)));
    }
    if (!c.segments().isEmpty()) {
      legend.add(new LegendItem("segment (run on one unit)", Color.LIGHT_GRAY));
    }
    for (Chart.Gap g : c.gaps()) {
      var marker = new IntervalMarker(g.start(), g.end(), GAPS.getOrDefault(g.kind(), Color.GRAY));
      marker.setAlpha(0.45f);
      plot.addDomainMarker(marker);
    }
    c.gaps().stream()
        .map(Chart.Gap::kind)
        .distinct()
        .forEach(k -> legend.add(new LegendItem(k, GAPS.getOrDefault(k, Color.GRAY))));
    plot.setFixedLegendItems(legend);
    for (Chart.Bar s : c.segments()) {
      if (end > 0 && (s.end() - s.start()) / end >= LABELLED) {
        var note = new XYTextAnnotation(s.label(), (s.start() + s.end()) / 2, s.lane() - 0.44);
        note.setFont(SvgCharts.SMALL);
        note.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        plot.addAnnotation(note);
      }
    }
    return SvgCharts.chart(c, plot, true);
  }

  private static XYBarRenderer barRenderer(List<Color> colors, boolean outlined) {
    var r = new XYBarRenderer();
    r.setUseYInterval(true);
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(outlined);
    for (int i = 0; i < colors.size(); i++) {
      r.setSeriesPaint(i, colors.get(i));
      r.setSeriesOutlinePaint(i, Color.DARK_GRAY);
      r.setSeriesOutlineStroke(i, new BasicStroke(1f));
    }
    return r;
  }

  static JFreeChart roofline(Chart.Roofline c) {
    XYPlot plot = SvgCharts.plot(logAxis(c.x()), logAxis(c.y()));
    var roofs = new XYSeriesCollection();
    var roofRenderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < c.roofs().size(); i++) {
      roofs.addSeries(series(c.roofs().get(i)));
      roofRenderer.setSeriesPaint(i, SvgCharts.color(i));
      roofRenderer.setSeriesStroke(i, new BasicStroke(2.5f));
    }
    var layers = new XYSeriesCollection();
    var layerRenderer = new XYLineAndShapeRenderer(false, true);
    for (int i = 0; i < c.layers().size(); i++) {
      layers.addSeries(series(c.layers().get(i)));
      layerRenderer.setSeriesPaint(i, SvgCharts.color(i));
      layerRenderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    }
    plot.setDataset(0, roofs);
    plot.setRenderer(0, roofRenderer);
    plot.setDataset(1, layers);
    plot.setRenderer(1, layerRenderer);
    JFreeChart chart = SvgCharts.chart(c, plot, true);
    for (String note : c.notes()) {
      var t = new TextTitle(note, SvgCharts.SMALL);
      t.setPosition(RectangleEdge.BOTTOM);
      t.setPaint(Color.DARK_GRAY);
      chart.addSubtitle(t);
    }
    return chart;
  }

  private static XYSeries series(Chart.Series s) {
    var out = new XYSeries(s.name(), false, true);
    s.points().forEach(p -> out.add(p.x(), p.y()));
    return out;
  }

  private static LogAxis logAxis(Chart.Axis a) {
    var axis = new LogAxis(a.text());
    axis.setBase(10);
    axis.setNumberFormatOverride(
        new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    axis.setLabelFont(SvgCharts.SUBTITLE);
    axis.setTickLabelFont(SvgCharts.SMALL);
    axis.setSmallestValue(1e-6);
    // one tick per decade: 1, 10, 100 read better than JFreeChart's 1.585, 2.512, 3.981
    axis.setTickUnit(new NumberTickUnit(1));
    return axis;
  }
}
