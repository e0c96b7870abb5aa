package dev.devq.view;

import dev.devq.cost.LayerCost;
import dev.devq.cost.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How much of a per-layer breakdown {@code explain} shows: every layer in model order (the
 * default), the {@code top} N layers by time, or layers grouped by op, compute unit or block (the
 * part of a layer's name before its first {@code /}), largest group first. A Llama has hundreds of
 * layers; a reader wants the few that take the time.
 *
 * @param top how many layers or groups to show, 0 for all
 * @param group {@code op}, {@code unit}, {@code block}, or empty for single layers
 */
public record ExplainCut(int top, String group) {
  /** Every layer, in model order. */
  public static final ExplainCut ALL = new ExplainCut(0, "");

  /** The ways layers group. */
  public static final List<String> GROUPS = List.of("op", "unit", "block");

  /** The group of layers outside any block. */
  static final String TOP_LEVEL = "(top level)";

  public ExplainCut {
    if (top < 0) {
      throw new IllegalArgumentException("top must be 0 (all) or more, found " + top);
    }
    if (!group.isEmpty() && !GROUPS.contains(group)) {
      throw new IllegalArgumentException("group must be one of " + GROUPS + ", found " + group);
    }
  }

  public boolean grouped() {
    return !group.isEmpty();
  }

  /** Whether the breakdown is cut at all (anything but every layer in model order). */
  public boolean cuts() {
    return top > 0 || grouped();
  }

  /** Layers of one group and what they add up to. */
  public record Group(
      String key, int layers, Set<String> units, double flops, double dramBytes, double time) {}

  /** The layers shown: all in model order, or the {@code top} slowest, slowest first. */
  public List<LayerCost> layers(Prediction est) {
    if (top == 0) {
      return est.layers();
    }
    return est.layers().stream()
        .sorted(Comparator.comparingDouble(LayerCost::time).reversed())
        .limit(top)
        .toList();
  }

  /** The groups shown, largest time first, at most {@code top} of them when set. */
  public List<Group> groups(Prediction est) {
    Map<String, List<LayerCost>> byKey = new LinkedHashMap<>();
    est.layers().forEach(c -> byKey.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c));
    List<Group> groups = new ArrayList<>();
    byKey.forEach(
        (k, cs) -> {
          Set<String> units = new TreeSet<>();
          double flops = 0;
          double bytes = 0;
          double time = 0;
          for (LayerCost c : cs) {
            units.add(c.unit().key());
            flops += c.layer().flops() * (double) est.conditions().batch();
            bytes += c.dramBytes();
            time += c.time();
          }
          groups.add(new Group(k, cs.size(), units, flops, bytes, time));
        });
    groups.sort(Comparator.comparingDouble(Group::time).reversed());
    return top == 0 ? groups : groups.subList(0, Math.min(top, groups.size()));
  }

  /** The time of the shown layers or groups. */
  public double shownTime(Prediction est) {
    return grouped()
        ? groups(est).stream().mapToDouble(Group::time).sum()
        : layers(est).stream().mapToDouble(LayerCost::time).sum();
  }

  /** How many layers or groups there are in all. */
  public int available(Prediction est) {
    return grouped()
        ? (int) est.layers().stream().map(this::key).distinct().count()
        : est.layers().size();
  }

  private String key(LayerCost c) {
    return switch (group) {
      case "op" -> c.layer().op();
      case "unit" -> c.unit().key();
      default -> block(c.layer().name());
    };
  }

  /** The block a layer sits in: its name up to the first {@code /}. */
  static String block(String layerName) {
    int slash = layerName.indexOf('/');
    return slash < 0 ? TOP_LEVEL : layerName.substring(0, slash);
  }
}
