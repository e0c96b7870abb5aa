package dev.devq.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.cost.Breakdown;
import dev.devq.cost.LayerCost;
import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.Prediction;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;

/**
 * {@code explain} as JSON: per layer (layer, op, unit, FLOPs, DRAM bytes, compute, memory and
 * overhead time, bound, reason) and a summary (total with its 80% range, per unit, per bound,
 * switches, fixed costs); for a pipeline, its schedule and each stage in that form.
 */
public final class ExplainJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ExplainJson() {}

  public static JsonNode of(Breakdown b) {
    return b instanceof PipelineEstimate p ? pipeline(p) : estimate((Prediction) b);
  }

  private static JsonNode estimate(Prediction est) {
    ObjectNode o = F.objectNode();
    o.put("model", est.model().label());
    o.put("target", est.target().label());
    o.put("state", est.conditions().thermal().describe());
    o.put("units", est.conditions().units().key());
    o.put("runtime", est.conditions().runtime().key());
    o.put("batch", est.conditions().batch());
    ArrayNode layers = o.putArray("layers");
    for (LayerCost c : est.layers()) {
      ObjectNode l = layers.addObject();
      l.put("layer", c.layer().name());
      l.put("op", c.layer().op());
      l.put("unit", c.unit().key());
      l.put("segment", c.segment());
      l.put("flops", c.layer().flops() * (long) est.conditions().batch());
      l.put("dram_bytes", Math.round(c.dramBytes()));
      l.put("compute_s", c.computeTime());
      l.put("memory_s", c.memoryTime());
      l.put("overhead_s", c.overhead());
      l.put("bound", c.bound().key());
      l.put("fused", c.fused());
      l.put("fallback", c.fallback());
      l.put("reason", c.reason());
    }
    ObjectNode summary = o.putObject("summary");
    summary.set("total", time(est.latency()));
    summary.put("start", est.conditions().start().key());
    summary.set("warm", time(est.warmLatency()));
    ObjectNode range = summary.putObject("range_80");
    range.set("low", time(est.latencyLow()));
    range.set("high", time(est.latencyHigh()));
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
    summary.put("fixed_s", est.fixedTime());
    summary.put("thermal_factor", est.thermalFactor());
    summary.put("memory_bytes", Math.round(est.memoryBytes()));
    summary.put("energy_j", est.energy());
    ObjectNode energyRange = summary.putObject("energy_range_80_j");
    energyRange.put("low", est.energyLow());
    energyRange.put("high", est.energyHigh());
    summary.put("load_s", est.loadTime());
    summary.put("fallbacks", est.fallbacks().size());
    return o;
  }

  private static JsonNode pipeline(PipelineEstimate p) {
    ObjectNode o = F.objectNode();
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
    summary.set("latency", time(p.latency()));
    summary.put("start", p.conditions().start().key());
    summary.put("load_s", p.loadTime());
    summary.set("period", time(p.period()));
    summary.set(
        "throughput",
        JsonRender.quantity(
            Quantity.of(p.conditions().batch() / p.period(), Dimensions.FREQUENCY)));
    ObjectNode perUnit = summary.putObject("per_unit_s");
    p.timePerUnit().forEach((u, t) -> perUnit.put(u.key(), t));
    summary.put("waited_s", p.waited());
    summary.put("memory_bytes", Math.round(p.memoryBytes()));
    summary.put("energy_j", p.energy());
    ArrayNode stages = o.putArray("stages");
    p.stages().forEach(s -> stages.add(estimate(s)));
    return o;
  }

  private static JsonNode time(double seconds) {
    return JsonRender.quantity(Quantity.of(seconds, Dimensions.TIME));
  }
}
