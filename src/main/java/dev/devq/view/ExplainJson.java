package dev.devq.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.cost.Breakdown;
import dev.devq.cost.CacheCopies;
import dev.devq.cost.LayerCost;
import dev.devq.cost.Lowering;
import dev.devq.cost.MemoryLimit;
import dev.devq.cost.MemoryParts;
import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.Prediction;

/**
 * {@code explain} as JSON: per layer (layer, op, unit, FLOPs, DRAM bytes, compute, memory and
 * overhead time, bound, reason) and a summary (total with its 80% range, per unit, per bound,
 * switches, fixed costs, fused ops the converter lowered for the release); for a pipeline, its
 * schedule and each stage in that form. Every time is a plain number of seconds in a field ending
 * {@code _s}, never a quantity object.
 */
public final class ExplainJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ExplainJson() {}

  public static JsonNode of(Breakdown b) {
    return of(b, ExplainCut.ALL);
  }

  /**
   * With a cut, {@code layers} holds only the top layers (slowest first), or {@code groups}
   * replaces it; {@code shown} says how many of how many. A pipeline is shown whole.
   */
  public static JsonNode of(Breakdown b, ExplainCut cut) {
    return of(b, cut, java.util.List.of());
  }

  /**
   * {@link #of(Breakdown, ExplainCut)} with {@code caveats}, what the explained expression's value
   * rests on beyond the estimate ({@code battery}'s assumed duration), as {@code caveats}.
   */
  public static JsonNode of(
      Breakdown b, ExplainCut cut, java.util.List<dev.devq.query.eval.Caveat> caveats) {
    JsonNode node = refusedFirst(b, cut);
    if (!caveats.isEmpty() && node instanceof ObjectNode o) {
      ArrayNode a = o.putArray("caveats");
      caveats.forEach(c -> a.add(RangeJson.caveat(c)));
    }
    return node;
  }

  private static JsonNode refusedFirst(Breakdown b, ExplainCut cut) {
    JsonNode node = b instanceof PipelineEstimate p ? pipeline(p) : estimate((Prediction) b, cut);
    var refused = MemoryLimit.refusal(b);
    if (refused.isEmpty() || !(node instanceof ObjectNode o)) {
      return node;
    }
    // said first, after the kind: the layers that follow are what the model would do if it fitted
    ObjectNode out = F.objectNode();
    out.set("kind", o.get("kind"));
    out.set("cannot_run", JsonRender.cannotRun(refused.get()));
    o.fields().forEachRemaining(f -> out.set(f.getKey(), f.getValue()));
    return out;
  }

  private static JsonNode estimate(Prediction est) {
    return estimate(est, ExplainCut.ALL);
  }

  private static JsonNode estimate(Prediction est, ExplainCut cut) {
    ObjectNode o = F.objectNode();
    o.put("kind", "explain");
    o.put("model", est.model().label());
    o.put("target", est.target().label());
    o.put("state", est.conditions().thermal().describe());
    o.put("units", est.conditions().units().key());
    o.put("runtime", est.conditions().runtime().key());
    if (!RunsOn.unitsApply(est)) {
      // units is Core ML's setting; another runtime says what it ran the layers on
      ObjectNode runsOn = o.putObject("runs_on");
      ArrayNode units = runsOn.putArray("units");
      RunsOn.units(est).forEach(u -> units.add(u.key()));
      runsOn.put("text", RunsOn.words(est));
    }
    o.put("batch", est.conditions().batch());
    cut(o, est, cut);
    layers(cut.grouped() ? F.arrayNode() : o.putArray("layers"), est, cut);
    ObjectNode summary = o.putObject("summary");
    timing(summary, est);
    memoryAndEnergy(summary, est);
    fallbacksAndLowerings(summary, est);
    cacheCopies(summary, est.cacheCopies());
    return o;
  }

  /** What a cut shows ({@code shown}) and, grouped, the groups in place of the layers. */
  private static void cut(ObjectNode o, Prediction est, ExplainCut cut) {
    if (cut.cuts()) {
      ObjectNode shown = o.putObject("shown");
      shown.put("top", cut.top());
      shown.put("group", cut.group());
      shown.put("of", cut.available(est));
    }
    if (cut.grouped()) {
      ArrayNode groups = o.putArray("groups");
      for (ExplainCut.Group g : cut.groups(est)) {
        ObjectNode n = groups.addObject();
        n.put("key", g.key());
        n.put("layers", g.layers());
        ArrayNode units = n.putArray("units");
        g.units().forEach(units::add);
        n.put("flops", g.flops());
        n.put("dram_bytes", Math.round(g.dramBytes()));
        n.put("time_s", g.time());
        n.put("share", g.time() / est.latency());
      }
    }
  }

  /** One object per layer shown: where it runs, its work and its times. */
  private static void layers(ArrayNode layers, Prediction est, ExplainCut cut) {
    for (LayerCost c : cut.layers(est)) {
      ObjectNode l = layers.addObject();
      l.put("layer", c.layer().name());
      l.put("op", c.layer().op());
      l.put("unit", c.unit().key());
      l.put("segment", c.segment());
      l.put("flops", c.layer().flops() * (long) est.conditions().batch());
      l.put("dram_bytes", Math.round(c.dramBytes()));
      l.put("compute_s", c.computeTime());
      l.put("memory_s", c.memoryTime());
      l.put("output_s", c.outputTime());
      l.put("overhead_s", c.overhead());
      l.put("bound", c.bound().key());
      // fused only where the fold leaves the layer no time; fold says what of it is charged
      l.put("fused", c.fold().free());
      l.put("fold", c.fold().key());
      l.put("fallback", c.fallback());
      l.put("reason", c.reason());
    }
  }

  /** The latency with its range, per unit, per bound, the segments, switches and fixed time. */
  private static void timing(ObjectNode summary, Prediction est) {
    summary.put("total_s", est.latency());
    summary.put("start", est.conditions().start().key());
    summary.put("warm_s", est.warmLatency());
    ObjectNode range = summary.putObject("range_80_s");
    range.put("low", est.latencyLow());
    range.put("high", est.latencyHigh());
    // both ends are the estimate itself then: say why, as eval's JSON does
    est.rangeOutOfScope().ifPresent(why -> summary.set("no_range_80", RangeJson.outOfScope(why)));
    ObjectNode perUnit = summary.putObject("per_unit_s");
    est.timePerUnit().forEach((u, t) -> perUnit.put(u.key(), t));
    ObjectNode perBound = summary.putObject("per_bound_s");
    est.timePerBound().forEach((b, t) -> perBound.put(b.key(), t));
    ArrayNode segments = summary.putArray("segments");
    for (Prediction.Segment g : est.segments()) {
      ObjectNode so = segments.addObject();
      so.put("id", g.id());
      so.put("unit", g.unit().key());
      so.put("first", g.first());
      so.put("last", g.last());
      so.put("layers", g.layers());
    }
    summary.put("switches", est.switches());
    summary.put("switch_s", est.switchTime());
    summary.put("switch_share", share(est.switchTime(), est.latency()));
    summary.put("fixed_s", est.fixedTime());
    summary.put("fixed_share", share(est.fixedTime(), est.latency()));
    summary.put("thermal_factor", est.thermalFactor());
  }

  /** The memory and its parts, the energy and its parts and range, and the load time. */
  private static void memoryAndEnergy(ObjectNode summary, Prediction est) {
    summary.put("memory_bytes", Math.round(est.memoryBytes()));
    MemoryLimit.entitlementNeeded(est)
        .ifPresent(
            need ->
                summary.set(
                    "entitlement",
                    RangeJson.caveat(new dev.devq.query.eval.Caveat.Entitled(need))));
    MemoryParts mem = est.memory();
    ObjectNode memory = summary.putObject("memory_parts_bytes");
    mem.shown().forEach(part -> memory.put(part.key(), Math.round(part.bytes())));
    summary.put("energy_j", est.energy());
    ObjectNode energyParts = summary.putObject("energy_parts_j");
    est.energyParts().units().forEach((u, j) -> energyParts.put(u.key(), j));
    energyParts.put("dram", est.energyParts().dram());
    ObjectNode energyRange = summary.putObject("energy_range_80_j");
    energyRange.put("low", est.energyLow());
    energyRange.put("high", est.energyHigh());
    summary.put("load_s", est.loadTime());
  }

  /** The layers that fell back, by reason, and the fused ops lowered for the release. */
  private static void fallbacksAndLowerings(ObjectNode summary, Prediction est) {
    summary.put("fallbacks", est.fallbacks().size());
    ArrayNode reasons = summary.putArray("fallback_reasons");
    for (ExplainTable.Fallback f : ExplainTable.fallbacks(est)) {
      ObjectNode n = reasons.addObject();
      n.put("op", f.op());
      n.put("unit", f.unit());
      n.put("reason", f.reason());
      n.put("layers", f.layers());
    }
    ArrayNode lowered = summary.putArray("lowered");
    for (Lowering l : est.lowerings()) {
      ObjectNode n = lowered.addObject();
      n.put("op", l.op());
      n.put("layers", l.layers());
      n.put("release", l.release().toString());
      n.put("since", l.since());
      n.put("source", l.source());
      n.put("replaced", l.replaced());
      ArrayNode by = n.putArray("by");
      l.by().forEach(layer -> by.addObject().put("layer", layer.name()).put("op", layer.op()));
    }
  }

  /** The KV cache's copies per call, or null when the cache is state or there is none. */
  private static void cacheCopies(ObjectNode summary, CacheCopies c) {
    if (c.any()) {
      ObjectNode n = summary.putObject("kv_cache_copies");
      n.put("copies", c.copies());
      n.put("cache_bytes", Math.round(c.bytes()));
      n.put("s", c.time());
      n.put("release", c.release().toString());
      n.put("since", c.since());
      n.put("source", CacheCopies.SOURCE);
      n.put("measured_bytes", Math.round(c.measuredBytes()));
      n.put("beyond_measured", c.beyondMeasured());
    } else {
      summary.putNull("kv_cache_copies");
    }
  }

  private static double share(double part, double total) {
    return total > 0 ? part / total : 0;
  }

  private static JsonNode pipeline(PipelineEstimate p) {
    ObjectNode o = F.objectNode();
    o.put("kind", "explain_pipeline");
    o.put("pipeline", p.label());
    o.put("target", p.target().label());
    o.put("state", p.conditions().thermal().describe());
    o.put("units", p.conditions().units().key());
    o.put("batch", p.conditions().batch());
    ArrayNode schedule = o.putArray("schedule");
    for (PipelineEstimate.Slot s : p.schedule()) {
      Prediction stage = p.stages().get(s.stage());
      ObjectNode n = schedule.addObject();
      n.put("stage", s.stage() + 1);
      n.put("model", stage.label());
      n.put("unit", s.unit().key());
      n.put("first_layer", stage.layers().get(s.firstLayer()).layer().name());
      n.put("last_layer", stage.layers().get(s.lastLayer()).layer().name());
      n.put("start_s", s.start());
      n.put("end_s", s.end());
      n.put("waited_s", s.waited());
    }
    ObjectNode summary = o.putObject("summary");
    summary.put("latency_s", p.latency());
    summary.put("start", p.conditions().start().key());
    summary.put("load_s", p.loadTime());
    summary.put("period_s", p.period());
    summary.put("throughput_fps", p.conditions().batch() / p.period());
    ObjectNode perUnit = summary.putObject("per_unit_s");
    p.timePerUnit().forEach((u, t) -> perUnit.put(u.key(), t));
    summary.put("waited_s", p.waited());
    summary.put("memory_bytes", Math.round(p.memoryBytes()));
    summary.put("energy_j", p.energy());
    ArrayNode stages = o.putArray("stages");
    p.stages().forEach(s -> stages.add(estimate(s)));
    return o;
  }
}
