package dev.devq.plot.svg;

import dev.devq.plot.Chart;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Sweeps: lines over a numeric parameter with the 80% range as a shaded band, and bars over named
 * categories with the range as error bars. Budgets are dashed lines in the legend.
 */
final class SweepCharts {
  /** Share of a category's width the bars of all series take. */
  private static final double CLUSTER = 0.8;

  /** About what the category axis spans of the chart's width, once the value axis has its room. */
  private static final float CATEGORY_AXIS_WIDTH = SvgCharts.WIDTH - 120;

  private SweepCharts() {}

  static JFreeChart lines(Chart.Lines c) {
    XYPlot plot =
        SvgCharts.plot(SvgCharts.numberAxis(c.x(), false), SvgCharts.numberAxis(c.y(), true));
    var data = new YIntervalSeriesCollection();
    var renderer = new DeviationRenderer(true, true);
    for (int i = 0; i < c.series().size(); i++) {
      Chart.Series s = c.series().get(i);
      var series = new YIntervalSeries(s.name());
      s.points().forEach(p -> series.add(p.x(), p.y(), p.low(), p.high()));
      data.addSeries(series);
      renderer.setSeriesPaint(i, SvgCharts.color(i));
      renderer.setSeriesFillPaint(i, SvgCharts.color(i));
      renderer.setSeriesStroke(i, SvgCharts.LINE);
    }
    renderer.setAlpha(0.2f);
    plot.setDataset(0, data);
    plot.setRenderer(0, renderer);
    addBudgets(plot, c.budgets(), 1);
    return SvgCharts.chart(c, plot, true);
  }

  static JFreeChart bars(Chart.Bars c) {
    var x = new SymbolAxis(c.x().text(), c.categories().toArray(String[]::new));
    x.setTickLabelFont(categoryFont(c.categories().size()));
    x.setLabelFont(SvgCharts.SUBTITLE);
    x.setGridBandsVisible(false);
    x.setVerticalTickLabels(c.categories().size() > 6);
    // one tick per bar: left to choose, the axis halves the ticks when labels crowd, and every
    // other bar went unnamed
    x.setTickUnit(new NumberTickUnit(1), false, false);
    NumberAxis y = SvgCharts.numberAxis(c.y(), true);
    XYPlot plot = SvgCharts.plot(x, y);
    var data = new XYSeriesCollection();
    data.setIntervalWidth(CLUSTER);
    var errors = new YIntervalSeriesCollection();
    int n = c.series().size();
    for (int i = 0; i < n; i++) {
      Chart.Series s = c.series().get(i);
      var series = new XYSeries(s.name(), false, true);
      s.points().forEach(p -> series.add(p.x(), p.y()));
      data.addSeries(series);
      var range = new YIntervalSeries(s.name() + " 80% range", false, true);
      // the error bar sits at the middle of this series' bar within the cluster
      double offset = -CLUSTER / 2 + (i + 0.5) * CLUSTER / n;
      s.points().stream()
          .filter(Chart.Point::hasRange)
          .forEach(p -> range.add(p.x() + offset, p.y(), p.low(), p.high()));
      errors.addSeries(range);
    }
    var renderer = new ClusteredXYBarRenderer(0, false);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    for (int i = 0; i < n; i++) {
      renderer.setSeriesPaint(i, SvgCharts.color(i));
    }
    plot.setDataset(0, data);
    plot.setRenderer(0, renderer);
    var errorRenderer = new XYErrorRenderer();
    errorRenderer.setDrawXError(false);
    errorRenderer.setDefaultShapesVisible(false);
    errorRenderer.setDefaultLinesVisible(false);
    errorRenderer.setErrorPaint(Color.BLACK);
    errorRenderer.setCapLength(6);
    for (int i = 0; i < n; i++) {
      errorRenderer.setSeriesVisibleInLegend(i, false);
    }
    plot.setDataset(1, errors);
    plot.setRenderer(1, errorRenderer);
    addBudgets(plot, c.budgets(), 2);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return SvgCharts.chart(c, plot, true);
  }

  /**
   * The category labels' font: the axis's usual small font, shrunk when that many labels, standing
   * on end side by side, would not fit across the plot (a line of text takes about 1.25 times its
   * size), and never below 5 points.
   */
  static Font categoryFont(int categories) {
    float fits = CATEGORY_AXIS_WIDTH / (categories * 1.25f);
    float size = Math.max(5, Math.min(SvgCharts.SMALL.getSize2D(), (float) Math.floor(fits)));
    return SvgCharts.SMALL.deriveFont(size);
  }

  /** Budgets as dashed dark lines, in their own dataset after the series. */
  private static void addBudgets(XYPlot plot, List<Chart.Series> budgets, int index) {
    if (budgets.isEmpty()) {
      return;
    }
    var data = new XYSeriesCollection();
    var renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < budgets.size(); i++) {
      Chart.Series b = budgets.get(i);
      var series = new XYSeries("budget " + b.name(), false, true);
      // across the whole category or parameter range, so a constant budget reads as a level
      b.points().forEach(p -> series.add(p.x(), p.y()));
      if (b.points().size() == 1) {
        Chart.Point p = b.points().get(0);
        series.add(p.x() - 0.5, p.y());
        series.add(p.x() + 0.5, p.y());
      }
      data.addSeries(series);
      renderer.setSeriesPaint(i, new Color(0x444444));
      renderer.setSeriesStroke(i, SvgCharts.DASHED);
    }
    plot.setDataset(index, data);
    plot.setRenderer(index, renderer);
  }
}
