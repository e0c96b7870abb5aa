package dev.devq.model;

import dev.devq.kb.Problems;
import dev.devq.kb.YamlNode;
import dev.devq.lang.Suggestions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reusable blocks of a model file ({@code blocks:}) and how a call binds their arguments: given
 * values first, then the block's defaults, evaluated in the model's scope; a missing required
 * argument or an unknown one is reported at the call.
 */
final class Blocks {
  private final Map<String, YamlNode.Mapping> definitions = new LinkedHashMap<>();
  private final Problems problems;
  private final Deque<String> calls = new ArrayDeque<>();

  /** A call's scope and the layers to expand in it. */
  record Bound(Map<String, Object> scope, YamlNode body) {}

  Blocks(YamlNode.Mapping root, Problems problems) {
    this.problems = problems;
    YamlNode node = ModelBuilder.entry(root, "blocks");
    if (node == null) {
      return;
    }
    if (!(node instanceof YamlNode.Mapping m)) {
      problems.error(node, "'blocks' must be a mapping of block names to blocks", "");
      return;
    }
    for (YamlNode.Entry e : m.entries().values()) {
      if (e.value() instanceof YamlNode.Mapping block) {
        definitions.put(e.key(), block);
      } else {
        problems.error(
            e.value(), "block '" + e.key() + "' must be a mapping with 'args' and 'layers'", "");
      }
    }
  }

  boolean contains(String name) {
    return definitions.containsKey(name);
  }

  Set<String> names() {
    return definitions.keySet();
  }

  /**
   * Opens a call of {@code block}, or reports why not: a block including itself, directly or
   * through others, would expand forever, so the cycle is named at the call that closes it. Every
   * successful {@code enter} is paired with a {@link #leave}.
   */
  boolean enter(YamlNode at, String block) {
    if (calls.contains(block)) {
      List<String> cycle = new ArrayList<>(calls);
      Collections.reverse(cycle);
      cycle = cycle.subList(cycle.indexOf(block), cycle.size());
      problems.error(
          at,
          "block '" + block + "' includes itself: " + String.join(" → ", cycle) + " → " + block,
          "a block cannot call itself, directly or through another block");
      return false;
    }
    if (calls.size() >= ModelLimits.MAX_CALL_DEPTH) {
      throw new ModelLimits.Exceeded(
          at, "block calls nest deeper than " + ModelLimits.MAX_CALL_DEPTH + " levels, the limit");
    }
    calls.push(block);
    return true;
  }

  void leave() {
    calls.pop();
  }

  /** Binds a call's arguments; null after reporting why the call cannot be expanded. */
  Bound bind(YamlNode at, String block, Map<String, Object> args, Map<String, Object> globals) {
    YamlNode.Mapping def = definitions.get(block);
    Map<String, Object> scope = new HashMap<>(globals);
    YamlNode declared = ModelBuilder.entry(def, "args");
    Set<String> names = new LinkedHashSet<>();
    if (declared instanceof YamlNode.Mapping dm) {
      for (YamlNode.Entry e : dm.entries().values()) {
        names.add(e.key());
        if (args.containsKey(e.key())) {
          scope.put(e.key(), args.get(e.key()));
        } else if (e.value() instanceof YamlNode.Scalar s && !s.text().isEmpty()) {
          scope.put(e.key(), Formula.eval(s.text(), scope));
        } else {
          problems.error(at, "block '" + block + "' needs argument '" + e.key() + "'", "");
          return null;
        }
      }
    }
    for (String given : args.keySet()) {
      if (!names.contains(given)) {
        problems.error(
            at,
            "block '" + block + "' has no argument '" + given + "'",
            Suggestions.didYouMean(given, names));
      }
    }
    YamlNode body = ModelBuilder.entry(def, "layers");
    if (body == null) {
      problems.error(def, "block '" + block + "' has no 'layers'", "");
      return null;
    }
    return new Bound(scope, body);
  }
}
