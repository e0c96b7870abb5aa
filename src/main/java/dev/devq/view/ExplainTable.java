package dev.devq.view;

import dev.devq.cost.Bound;
import dev.devq.cost.Breakdown;
import dev.devq.cost.LayerCost;
import dev.devq.cost.MemoryLimit;
import dev.devq.cost.MemoryParts;
import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.Prediction;
import dev.devq.kb.ComputeUnit;
import dev.devq.lang.CharacterNames;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The per-layer table and summary of {@code explain} and {@code placement}. */
public final class ExplainTable {
  private ExplainTable() {}

  /**
   * The header of the bytes column: they are the bytes that go to and from DRAM (weights and the
   * activations that do not stay on chip), not every byte a layer touches.
   */
  static final String DRAM_BYTES = "DRAM bytes";

  public static String render(Breakdown b, boolean placementOnly) {
    return render(b, placementOnly, ExplainCut.ALL);
  }

  /**
   * The breakdown with only the layers or groups {@code cut} keeps (a pipeline is shown whole). A
   * model that cannot run on the target says so first: the layers below are what it would do if it
   * fitted.
   */
  public static String render(Breakdown b, boolean placementOnly, ExplainCut cut) {
    String refused = MemoryLimit.refusal(b).map(c -> CannotRunText.value(c) + "\n\n").orElse("");
    return refused
        + (b instanceof PipelineEstimate p
            ? PipelineTable.render(p, placementOnly)
            : render((Prediction) b, placementOnly, cut));
  }

  public static String render(Prediction est, boolean placementOnly) {
    return render(est, placementOnly, ExplainCut.ALL);
  }

  private static String render(Prediction est, boolean placementOnly, ExplainCut cut) {
    List<String[]> rows = cut.grouped() ? groupRows(est, cut) : layerRows(est, placementOnly, cut);
    var out = new StringBuilder();
    out.append(est.model().label())
        .append(" on ")
        .append(est.target().label())
        .append(" (")
        .append(est.target().device().name())
        .append("), ")
        .append(est.conditions().thermal().describe());
    if (RunsOn.unitsApply(est)) {
      out.append(", units = ").append(est.conditions().units().key());
    } else {
      // units is Core ML's setting: say what the runtime ran the layers on instead
      out.append(", runtime = ")
          .append(est.conditions().runtime().key())
          .append(" (")
          .append(RunsOn.words(est))
          .append(')');
    }
    if (est.conditions().batch() > 1) {
      out.append(", batch ").append(est.conditions().batch());
    }
    if (est.conditions().start().loads()) {
      out.append(", start = ").append(est.conditions().start().key());
    }
    out.append("\n\n").append(table(rows)).append('\n');
    if (!placementOnly
        && !cut.grouped()
        && cut.layers(est).stream().anyMatch(LayerCost::outputStageBound)) {
      out.append(OUTPUT_STAGE_LEGEND).append('\n');
    }
    if (cut.cuts()) {
      out.append(shown(est, cut, rows.size() - 1));
    }
    out.append(summary(est));
    return out.toString();
  }

  /** {@code shown 10 of 451 layers: 41.2 ms of the layers' 55.6 ms (74%)}. */
  private static String shown(Prediction est, ExplainCut cut, int shown) {
    String what = cut.grouped() ? "groups by " + cut.group() : "layers";
    double time = cut.shownTime(est);
    double all = est.layers().stream().mapToDouble(LayerCost::time).sum();
    return "shown      "
        + shown
        + " of "
        + cut.available(est)
        + " "
        + what
        + ": "
        + time(time)
        + " of the layers' "
        + time(all)
        + (all > 0 ? " (" + QuantityFormat.percent(time / all) + ")" : "")
        + "\n";
  }

  private static List<String[]> groupRows(Prediction est, ExplainCut cut) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {cut.group(), "layers", "units", "FLOPs", DRAM_BYTES, "time", "share"});
    double total = est.latency();
    for (ExplainCut.Group g : cut.groups(est)) {
      rows.add(
          new String[] {
            g.key(),
            Integer.toString(g.layers()),
            String.join(" ", g.units()),
            QuantityFormat.format(Quantity.number(g.flops())),
            bytes(g.dramBytes()),
            time(g.time()),
            QuantityFormat.percent(g.time() / total)
          });
    }
    return rows;
  }

  private static List<String[]> layerRows(Prediction est, boolean placementOnly, ExplainCut cut) {
    List<LayerCost> layers = cut.layers(est);
    List<String[]> rows = new ArrayList<>();
    if (placementOnly) {
      rows.add(new String[] {"layer", "op", "unit", "reason"});
      for (LayerCost c : layers) {
        rows.add(
            new String[] {
              CharacterNames.visible(c.layer().name()), c.layer().op(), c.unit().key(), reason(c)
            });
      }
      return rows;
    }
    // only an estimate with layers on the Neural Engine has an output stage to show
    boolean output = layers.stream().anyMatch(c -> c.outputTime() > 0);
    List<String> header =
        new ArrayList<>(List.of("layer", "op", "unit", "FLOPs", DRAM_BYTES, "compute", "memory"));
    if (output) {
      header.add("output");
    }
    header.addAll(List.of("bound", "reason"));
    rows.add(header.toArray(String[]::new));
    for (LayerCost c : layers) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  CharacterNames.visible(c.layer().name()),
                  c.layer().op(),
                  c.unit().key(),
                  QuantityFormat.format(
                      Quantity.number(c.layer().flops() * (double) est.conditions().batch())),
                  bytes(c.dramBytes()),
                  time(c.computeTime()),
                  time(c.memoryTime())));
      if (output) {
        row.add(time(c.outputTime()));
      }
      row.addAll(List.of(bound(c), reason(c)));
      rows.add(row.toArray(String[]::new));
    }
    return rows;
  }

  /**
   * The mark of a layer its output stage bounds ({@link LayerCost#outputStageBound}), and the line
   * under the table that says what it means: the JSON's bound keeps the contract's three values.
   */
  private static final String OUTPUT_STAGE_MARK = "*";

  static final String OUTPUT_STAGE_LEGEND =
      OUTPUT_STAGE_MARK
          + " bound by a convolution's output stage on the Neural Engine (bias, activation,"
          + " write-out), counted as compute";

  /** A layer's bound as the table shows it: marked when its output stage bounds it. */
  private static String bound(LayerCost c) {
    return c.bound().key() + (c.outputStageBound() ? OUTPUT_STAGE_MARK : "");
  }

  /**
   * Why a layer runs where it does, led by how it folds into the layer before it: "fused" only
   * where the fold leaves it no time of its own (and where that time is paid), else what of it is
   * still charged.
   */
  static String reason(LayerCost c) {
    String fold =
        switch (c.fold()) {
          case NONE -> "";
          case OUTPUT_STAGE -> "fused: paid in the convolution's output stage";
          case VECTOR_PASS -> "fused: paid in the element-wise pass before it";
          case WEIGHTS -> "fused: folded into the convolution's weights by the converter";
          case COMPUTE_ONLY -> "in the kernel before it: compute only, no data or dispatch";
        };
    return fold.isEmpty() || c.reason().isEmpty() ? fold + c.reason() : fold + "; " + c.reason();
  }

  /**
   * {@code 16.3 GB: weights 16.1 GB + activations 1.05 MB + KV cache 268 MB + runtime overhead 50
   * MB}: parts that add up to the total.
   */
  static String memory(MemoryParts m) {
    var parts = new StringJoiner(" + ", bytes(m.total()) + ": ", "");
    m.shown().forEach(part -> parts.add(part.label() + " " + bytes(part.bytes())));
    return parts.toString();
  }

  public static String summary(Prediction est) {
    var out = new StringBuilder();
    double total = est.latency();
    out.append("total      ").append(time(total));
    if (est.hasRange()) {
      out.append("  (80% range ")
          .append(time(est.latencyLow()))
          .append(" – ")
          .append(time(est.latencyHigh()))
          .append(')');
    }
    out.append('\n');
    est.rangeOutOfScope()
        .ifPresent(why -> out.append("           ").append(RangeNote.line(why)).append('\n'));
    est.rangeAllowsFor().ifPresent(release -> out.append(ExplainNotes.rangeAllowsFor(release)));
    out.append(loading(est));
    Map<ComputeUnit, Double> units = est.timePerUnit();
    out.append("per unit   ").append(perKey(units, ComputeUnit::key)).append('\n');
    Map<Bound, Double> bounds = est.timePerBound();
    out.append("per bound  ").append(perKey(bounds, Bound::key)).append('\n');
    out.append("switches   ")
        .append(est.switches())
        .append(" (")
        .append(time(est.switchTime()))
        .append(')')
        .append(callout(est.switchTime(), total, "moving data between units"))
        .append('\n');
    out.append("fixed      ")
        .append(time(est.fixedTime()))
        .append(" per prediction")
        .append(
            callout(
                est.fixedTime(),
                total,
                est.cacheCopies().any()
                    ? "the runtime's cost per call and the KV cache's copies"
                    : "the runtime's cost per call"))
        .append('\n');
    out.append("thermal    ")
        .append(QuantityFormat.percent(est.thermalFactor()))
        .append(" of peak")
        .append(ExplainNotes.memoryUnderHeat(est))
        .append('\n');
    out.append("memory     ").append(memory(est.memory())).append('\n');
    MemoryLimit.entitlementNeeded(est)
        .ifPresent(need -> out.append("           ").append(need.text()).append('\n'));
    out.append("energy     ")
        .append(QuantityFormat.format(Quantity.of(est.energy(), Dimensions.ENERGY)))
        .append(" per prediction: ")
        .append(ExplainNotes.energyParts(est.energyParts()))
        .append('\n');
    List<Fallback> fallbacks = fallbacks(est);
    if (!fallbacks.isEmpty()) {
      int n = est.fallbacks().size();
      out.append("fallbacks  ")
          .append(n)
          .append(n == 1 ? " layer" : " layers")
          .append(" fell back: ");
      for (int i = 0; i < fallbacks.size(); i++) {
        Fallback f = fallbacks.get(i);
        out.append(i == 0 ? "" : ", ").append(f.layers()).append(' ').append(f.op());
      }
      out.append('\n');
      for (Fallback f : fallbacks) {
        out.append("           ")
            .append(f.layers())
            .append(" × ")
            .append(f.op())
            .append(" → ")
            .append(f.unit())
            .append(": ")
            .append(f.reason())
            .append('\n');
      }
    }
    est.lowerings().forEach(l -> out.append(ExplainNotes.lowered(l)));
    if (est.cacheCopies().any()) {
      out.append(ExplainNotes.cacheCopies(est.cacheCopies()));
    }
    return out.toString();
  }

  /** Layers of one op that fell back to the same unit for the same reason. */
  record Fallback(String op, String unit, String reason, int layers) {}

  /**
   * Every reason layers fell back, most layers first: a summary that names one reason when there
   * are two hides where the time goes.
   */
  static List<Fallback> fallbacks(Prediction est) {
    Map<List<String>, Integer> counts = new LinkedHashMap<>();
    for (LayerCost c : est.fallbacks()) {
      counts.merge(List.of(c.layer().op(), c.unit().key(), reasonOnly(c)), 1, Integer::sum);
    }
    List<Fallback> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(new Fallback(k.get(0), k.get(1), k.get(2), n)));
    out.sort(java.util.Comparator.comparingInt(Fallback::layers).reversed());
    return out;
  }

  /** A layer's reason without the op name it starts with ({@code "rms_norm: …"}). */
  private static String reasonOnly(LayerCost c) {
    String prefix = c.layer().op() + ": ";
    return c.reason().startsWith(prefix) ? c.reason().substring(prefix.length()) : c.reason();
  }

  /** Share of the total above which a cost outside the layers is called out. */
  static final double NOTABLE = 0.10;

  /** {@code — 47% of the total, moving data between units} when above {@link #NOTABLE}. */
  private static String callout(double part, double total, String what) {
    return total > 0 && part / total > NOTABLE
        ? " — " + QuantityFormat.percent(part / total) + " of the total, " + what
        : "";
  }

  /**
   * How a cold or first start splits into loading and the prediction itself, and for one model the
   * storage read speed the load used and its source.
   */
  public static String loading(Breakdown b) {
    if (!b.conditions().start().loads()) {
      return "";
    }
    String what = b.conditions().start().compiles() ? "read, setup and compile" : "read and setup";
    String read =
        b instanceof Prediction p ? "           " + p.load().storage().describe() + "\n" : "";
    return "start      "
        + b.conditions().start().key()
        + ": load "
        + time(b.loadTime())
        + " ("
        + what
        + ") + prediction "
        + time(b.warmLatency())
        + "\n"
        + read;
  }

  public static String time(double seconds) {
    return QuantityFormat.format(Quantity.of(seconds, Dimensions.TIME));
  }

  /**
   * {@code ane 455 µs cpu 2.1 µs}: each unit's or bound's time, two spaces apart and none after the
   * last (a trailing space is noise in a diff of the output).
   */
  static <K> String perKey(Map<K, Double> times, java.util.function.Function<K, String> key) {
    var parts = new ArrayList<String>();
    times.forEach((k, t) -> parts.add(key.apply(k) + " " + time(t)));
    return String.join("  ", parts);
  }

  public static String bytes(double b) {
    return QuantityFormat.format(Quantity.of(b, Dimensions.BYTES));
  }

  public static String table(List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], TextRender.width(r[i]));
      }
    }
    var out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      var line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        line.append(
            i == cols - 1 ? rows.get(r)[i] : TextRender.pad(rows.get(r)[i], width[i]) + "  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = 0;
        for (int w : width) {
          total += w + 2;
        }
        out.append("-".repeat(Math.max(0, total - 2))).append('\n');
      }
    }
    return out.toString().stripTrailing();
  }
}
