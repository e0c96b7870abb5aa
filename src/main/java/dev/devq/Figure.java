package dev.devq;

import dev.devq.lang.Diagnostic;
import dev.devq.plot.Chart;
import dev.devq.plot.ChartText;
import dev.devq.plot.svg.SvgCharts;
import java.util.List;

/**
 * A chart {@link Devq#plot} made, or the diagnostics that say why there is none. Its data reads as
 * text ({@link #text()}: series, points, labels, units), which golden tests compare and review
 * documents hash, and draws as SVG with JFreeChart ({@link #svg()}).
 *
 * <pre>{@code
 * Figure f = devq.plot(request, Bindings.EMPTY);
 * f.summary()   // "line chart, 2 series of 31 points"
 * Files.writeString(Path.of("plot.svg"), f.svg());
 * }</pre>
 */
public final class Figure {
  private final Chart chart;
  private final List<Diagnostic> diagnostics;

  Figure(Chart chart, List<Diagnostic> diagnostics) {
    this.chart = chart;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Whether there is a chart; otherwise {@link #diagnostics()} says why not. */
  public boolean ok() {
    return chart != null;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public String title() {
    return chart.title();
  }

  /** What was drawn, in a few words: {@code line chart, 2 series of 31 points}. */
  public String summary() {
    return ChartText.summary(chart);
  }

  /** The chart's data, one fact a line, numbers in the axis units. */
  public String text() {
    return ChartText.render(chart);
  }

  /** The chart drawn as an SVG document. */
  public String svg() {
    return SvgCharts.render(chart);
  }
}
