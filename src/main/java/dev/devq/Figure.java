package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.cost.CannotRun;
import dev.devq.lang.Diagnostic;
import dev.devq.plot.Chart;
import dev.devq.plot.ChartText;
import dev.devq.plot.svg.SvgCharts;
import dev.devq.view.CannotRunText;
import dev.devq.view.JsonRender;
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
  private final List<CannotRun> leftOut;
  private final Bindings bindings;

  Figure(Chart chart, List<Diagnostic> diagnostics, List<CannotRun> leftOut, Bindings bindings) {
    this.chart = chart;
    this.diagnostics = List.copyOf(diagnostics);
    this.leftOut = List.copyOf(leftOut);
    this.bindings = bindings;
  }

  /**
   * The bindings the plot was drawn with, once it read the {@code let}s it names (drawn or not): a
   * {@code let} of a boolean that a review document reads only in a plot fence counts as read
   * ({@link Run#ended()}). A plot binds nothing.
   */
  public Bindings bindings() {
    return bindings;
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

  /**
   * What a sweep left out because the model cannot run there, in the one line {@code eval} prints
   * under a list ({@code mobilenet_v2 cannot run on 2 targets: …}); empty when nothing was.
   */
  public String leftOut() {
    return CannotRunText.leftOut(leftOut);
  }

  /** {@link #leftOut()} as JSON: an array of "cannot run" objects, empty when nothing was. */
  public JsonNode leftOutJson() {
    var a = Json.array();
    leftOut.forEach(c -> a.add(JsonRender.cannotRun(c)));
    return a;
  }

  /**
   * The chart drawn as an SVG document (JFreeSVG's, less what XML forbids: {@link XmlCharacters}).
   */
  public String svg() {
    return XmlCharacters.only(SvgCharts.render(chart));
  }
}
