package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.cost.Breakdown;
import dev.devq.lang.Diagnostic;
import dev.devq.view.ExplainCut;
import dev.devq.view.ExplainJson;
import dev.devq.view.ExplainTable;
import dev.devq.view.LayerTable;
import java.util.List;

/**
 * The per-layer breakdown behind an estimate ({@code devq explain}), or the diagnostics that say
 * why there is none.
 *
 * <pre>{@code
 * Explanation x = devq.explain(new SourceText("<query>", "latency(mobilenet_v2, a16)"), Bindings.EMPTY);
 * x.text()   // the layer table, totals, memory, energy and load time
 * }</pre>
 */
public final class Explanation {
  private final Breakdown estimate;
  private final List<Diagnostic> diagnostics;
  private final ExplainCut cut;

  Explanation(Breakdown estimate, List<Diagnostic> diagnostics) {
    this(estimate, diagnostics, ExplainCut.ALL);
  }

  private Explanation(Breakdown estimate, List<Diagnostic> diagnostics, ExplainCut cut) {
    this.estimate = estimate;
    this.diagnostics = List.copyOf(diagnostics);
    this.cut = cut;
  }

  /** The ways {@link #cut} groups layers: {@code op}, {@code unit}, {@code block}. */
  public static final List<String> GROUPS = ExplainCut.GROUPS;

  /**
   * The same breakdown showing only the {@code top} layers by time (0: all), or with {@code group}
   * one of {@link #GROUPS} the layers grouped, largest group first (empty: single layers). A
   * pipeline is shown whole.
   *
   * @throws IllegalArgumentException for a negative {@code top} or an unknown group
   */
  public Explanation cut(int top, String group) {
    return new Explanation(estimate, diagnostics, new ExplainCut(top, group));
  }

  /** Whether there is an estimate to show; otherwise {@link #diagnostics()} says why not. */
  public boolean ok() {
    return estimate != null;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The breakdown as a table. */
  public String text() {
    return ExplainTable.render(estimate, false, cut);
  }

  /** The layers as CSV (RFC 4180), one unit per column named in its header. */
  public String csv() {
    return LayerTable.of(estimate).csv();
  }

  /** The layers as a Markdown table. */
  public String markdown() {
    return LayerTable.of(estimate).markdown();
  }

  /** The breakdown as JSON, quantities in their fixed units. */
  public JsonNode json() {
    return ExplainJson.of(estimate, cut);
  }
}
