package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.cost.Breakdown;
import dev.devq.lang.Diagnostic;
import dev.devq.view.ExplainTable;
import dev.devq.view.JsonRender;
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

  Explanation(Breakdown estimate, List<Diagnostic> diagnostics) {
    this.estimate = estimate;
    this.diagnostics = List.copyOf(diagnostics);
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
    return ExplainTable.render(estimate, false);
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
    return JsonRender.estimate(estimate);
  }
}
