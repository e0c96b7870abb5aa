package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.cost.Breakdown;
import dev.devq.cost.CannotRun;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.Expr;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.model.ModelLimits;
import dev.devq.query.eval.Caveat;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Value;
import dev.devq.view.CannotRunText;
import dev.devq.view.ExplainCut;
import dev.devq.view.ExplainJson;
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
  private final CannotRun never;
  private final List<Diagnostic> diagnostics;
  private final ExplainCut cut;
  private final String part;
  private final List<Caveat> assumed;

  /**
   * What {@code devq explain} shows of an evaluated expression: its estimate, or, for one the cost
   * model was never asked for because the target never runs the OS release asked for, only that
   * reason (there are no layers), or the diagnostics.
   */
  static Explanation of(Interpreter.Explained x) {
    CannotRun never =
        x.estimate() == null && x.value() instanceof Value.CannotRunV v ? v.why() : null;
    return new Explanation(
        x.estimate(), never, x.diagnostics(), ExplainCut.ALL, part(x), assumed(x));
  }

  /**
   * What the expression's value assumed that the estimate does not show ({@code battery(m, d,
   * 30fps)} drains for 1 h): the estimate's own caveat, the entitlement, its summary says.
   */
  private static List<Caveat> assumed(Interpreter.Explained x) {
    return x.value() instanceof Value.QuantityV q
        ? q.caveats().stream().filter(Caveat.Assumed.class::isInstance).toList()
        : List.of();
  }

  /**
   * What the text says first when the expression's time is not the estimate shown: {@code ttft}
   * adds a decode step to the prefill shown, {@code latency(a, d) + latency(b, d)} a second model.
   * Empty when they agree, or the value is not a time (a rate or energy read from the estimate).
   */
  private static String part(Interpreter.Explained x) {
    if (x.estimate() == null
        || !(x.value() instanceof Value.QuantityV q)
        || !q.quantity().dimension().equals(Dimensions.TIME)
        || Expr.CompareOp.sameFigure(q.quantity().value(), x.estimate().latency())
        || Expr.CompareOp.sameFigure(q.quantity().value(), x.estimate().loadTime())) {
      return ""; // a time the estimate itself gives: its latency or its load time
    }
    return "note: the expression is "
        + QuantityFormat.format(q.quantity())
        + "; shown is the first estimate it is computed from, "
        + QuantityFormat.format(Quantity.of(x.estimate().latency(), Dimensions.TIME))
        + "\n";
  }

  private Explanation(
      Breakdown estimate,
      CannotRun never,
      List<Diagnostic> diagnostics,
      ExplainCut cut,
      String part,
      List<Caveat> assumed) {
    this.estimate = estimate;
    this.never = never;
    this.diagnostics = List.copyOf(diagnostics);
    this.cut = cut;
    this.part = part;
    this.assumed = List.copyOf(assumed);
  }

  /** The ways {@link #cut} groups layers: {@code op}, {@code unit}, {@code block}. */
  public static final List<String> GROUPS = ExplainCut.GROUPS;

  /** The most layers a model has, so the most an explanation shows ({@code --top}'s bound). */
  public static final int MAX_LAYERS = ModelLimits.MAX_LAYERS;

  /**
   * The same breakdown showing only the {@code top} layers by time (0: all), or with {@code group}
   * one of {@link #GROUPS} the layers grouped, largest group first (empty: single layers). A
   * pipeline is shown whole.
   *
   * @throws IllegalArgumentException for a negative {@code top} or an unknown group
   */
  public Explanation cut(int top, String group) {
    return new Explanation(estimate, never, diagnostics, new ExplainCut(top, group), part, assumed);
  }

  /**
   * Whether there is an estimate, or the reason there is none (it cannot run), to show; otherwise
   * {@link #diagnostics()} says why not.
   */
  public boolean ok() {
    return estimate != null || never != null;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The breakdown as a table, or {@code cannot run: …} alone. */
  public String text() {
    return never != null
        ? CannotRunText.value(never)
        : part + notes() + ExplainTable.render(estimate, false, cut);
  }

  /** {@code note: battery assumes duration = 1h …}, a line per assumption of the value. */
  private String notes() {
    var out = new StringBuilder();
    assumed.forEach(c -> out.append("note: ").append(c.text()).append('\n'));
    return out.toString();
  }

  /**
   * The layers (or the top layers, or the groups, as cut) as CSV (RFC 4180), one unit per column
   * named in its header.
   */
  public String csv() {
    return never != null
        ? CannotRunText.csvLine(CannotRunText.value(never))
        : LayerTable.of(estimate, cut).csv();
  }

  /** The layers (or the top layers, or the groups, as cut) as a Markdown table. */
  public String markdown() {
    return never != null
        ? CannotRunText.value(never) + "\n"
        : LayerTable.of(estimate, cut).markdown();
  }

  /** The breakdown as JSON, quantities in their fixed units; "cannot run" as eval prints it. */
  public JsonNode json() {
    return never != null ? JsonRender.cannotRun(never) : ExplainJson.of(estimate, cut, assumed);
  }
}
