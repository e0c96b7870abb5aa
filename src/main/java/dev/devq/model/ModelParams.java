package dev.devq.model;

import dev.devq.kb.Fact;
import dev.devq.kb.Fields;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Problems;
import dev.devq.kb.Sourced;
import dev.devq.kb.YamlNode;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads the model-level parts of a description: parameters, input, precision and reference. */
final class ModelParams {
  private ModelParams() {}

  /**
   * The largest value a source gives for each parameter ({@code param_limits: {context: {value:
   * 4096, source: llama2_paper}}}): the context a language model was trained on, the learned
   * positions of an encoder. Read once per build; {@link #bind} checks them against the defaults.
   */
  static Map<String, Sourced<Quantity>> largest(YamlNode.Mapping root, Problems problems) {
    YamlNode node = ModelBuilder.entry(root, "param_limits");
    Fields f = node == null ? null : Fields.root(node, problems, new ArrayList<>());
    if (f == null) {
      return Map.of();
    }
    Map<String, Sourced<Quantity>> out = new LinkedHashMap<>();
    for (String key : f.keys()) {
      out.put(key, f.quantity(key, Dimension.NONE, true));
    }
    f.finish();
    return out;
  }

  /**
   * Defaults of {@code params:} with the overrides applied; unknown overrides are errors, and so is
   * a decoder step its window cannot hold ({@link DecoderWindow}).
   */
  static Map<String, Object> bind(
      ModelProfile profile,
      Map<String, Object> overrides,
      Map<String, Sourced<Quantity>> largest,
      Problems problems) {
    Map<String, Object> scope = new LinkedHashMap<>();
    YamlNode node = ModelBuilder.entry(profile.root(), "params");
    if (node instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry e : m.entries().values()) {
        try {
          scope.put(e.key(), Formula.eval(ModelBuilder.scalar(e.value()), scope));
        } catch (Formula.FormulaError err) {
          problems.error(e.value(), err.getMessage(), "");
        }
      }
    } else if (node != null) {
      problems.error(node, "'params' must be a mapping of parameter names to default values", "");
    }
    if (node instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry e : m.entries().values()) {
        ModelArguments.Refusal no =
            scope.get(e.key()) instanceof Double d ? notAbove0(e.key(), d) : null;
        if (no != null) {
          problems.error(e.value(), no.message(), no.hint());
        }
      }
    }
    checkLargest(profile, scope, largest, problems);
    Map<String, Object> defaults = new LinkedHashMap<>(scope);
    boolean refused = false;
    for (var o : overrides.entrySet()) {
      ModelArguments.Refusal no = refusal(profile, defaults, largest, o.getKey(), o.getValue());
      if (no != null) {
        problems.error(profile.root(), no.message(), no.hint());
        refused = true;
      } else {
        scope.put(o.getKey(), o.getValue());
      }
    }
    // the window rule reads several values at once, so it waits until each alone is one the model
    // takes: a value refused on its own is reported once, for its own reason
    ModelArguments.Refusal window =
        refused
            ? null
            : DecoderWindow.refusal(
                profile.id(), defaults, scope, largest.get(DecoderWindow.CONTEXT));
    if (window != null) {
      // at the default tokens when they are the cause; a query's arguments are shown by the engine
      YamlNode.Entry tokens =
          node instanceof YamlNode.Mapping m ? m.entries().get(DecoderWindow.TOKENS) : null;
      problems.error(
          tokens == null ? profile.root() : tokens.value(), window.message(), window.hint());
    }
    return scope;
  }

  /**
   * Why {@code value} cannot be parameter {@code name} given the {@code defaults}, or null when it
   * can: an unknown name, a word for a number, or a word the model's formulas never compare with
   * (which would silently select the "else" side of every {@code if(phase == prefill, …)}).
   */
  static ModelArguments.Refusal refusal(
      ModelProfile profile,
      Map<String, Object> defaults,
      Map<String, Sourced<Quantity>> largest,
      String name,
      Object value) {
    Object fallback = defaults.get(name);
    if (!defaults.containsKey(name)) {
      return new ModelArguments.Refusal(
          "model '"
              + profile.id()
              + "' has no parameter '"
              + name
              + "'"
              + (defaults.isEmpty()
                  ? ""
                  : " (it has " + String.join(", ", defaults.keySet()) + ")"),
          "unknown parameter",
          Suggestions.didYouMean(name, defaults.keySet()));
    }
    if (fallback instanceof String word) {
      Set<String> words = new TreeSet<>(WordParams.compared(profile.root(), name));
      words.add(word);
      if (value instanceof String w && words.contains(w)) {
        return null;
      }
      String shown = value instanceof Double d ? Args.trim(d) : "'" + value + "'";
      return new ModelArguments.Refusal(
          "parameter '"
              + name
              + "' of '"
              + profile.id()
              + "' is one of "
              + String.join(", ", words)
              + ", found "
              + shown,
          "not one of its words",
          value instanceof String w ? Suggestions.didYouMean(w, words) : "");
    }
    if (value instanceof Double d && fallback instanceof Double) {
      ModelArguments.Refusal no = notAbove0(name, d);
      if (no != null) {
        return no;
      }
    }
    if (fallback instanceof Double && !(value instanceof Double)) {
      return new ModelArguments.Refusal(
          "parameter '" + name + "' of '" + profile.id() + "' is a number, found '" + value + "'",
          "not a number",
          // a word reaches a number parameter when the query names no variable of that name
          "give a number, or bind the name first: let " + value + " = …");
    }
    Sourced<Quantity> most = largest.get(name);
    if (most != null && most.present() && value instanceof Double d && d > most.value().value()) {
      String note = most.provenance().note();
      return new ModelArguments.Refusal(
          "parameter '"
              + name
              + "' of '"
              + profile.id()
              + "' is at most "
              + Args.trim(most.value().value())
              + ", found "
              + Args.trim(d),
          "above its largest value",
          most.provenance().source() + (note.isEmpty() ? "" : ": " + note));
    }
    return null;
  }

  /**
   * Every number parameter is a size, a count or a multiplier, so at 0 or below there is no model
   * ({@code mobilenet_v2(width = 0)} was costed as layers of 8 channels, the rounding's floor). One
   * rule for a query's value and a profile's default; null when {@code value} is above 0.
   */
  private static ModelArguments.Refusal notAbove0(String name, double value) {
    if (value > 0 && Double.isFinite(value)) {
      return null;
    }
    return new ModelArguments.Refusal(
        "model parameter '" + name + "' must be a number above 0, found " + Args.trim(value),
        "",
        "");
  }

  /** A limit names a number parameter, and the default keeps to it. */
  private static void checkLargest(
      ModelProfile profile,
      Map<String, Object> defaults,
      Map<String, Sourced<Quantity>> largest,
      Problems problems) {
    if (largest.isEmpty()) {
      return;
    }
    // largest is not empty, so param_limits is a mapping holding each of its keys
    YamlNode.Mapping limits = (YamlNode.Mapping) ModelBuilder.entry(profile.root(), "param_limits");
    for (var e : largest.entrySet()) {
      YamlNode at = limits.entries().get(e.getKey()).value();
      Object fallback = defaults.get(e.getKey());
      if (!(fallback instanceof Double d)) {
        problems.error(
            at,
            "'param_limits' names '"
                + e.getKey()
                + "', which is not a number parameter of '"
                + profile.id()
                + "'",
            Suggestions.didYouMean(e.getKey(), defaults.keySet()));
      } else if (e.getValue().present() && d > e.getValue().value().value()) {
        problems.error(
            at,
            "the default "
                + e.getKey()
                + " = "
                + Args.trim(d)
                + " is above its largest value, "
                + Args.trim(e.getValue().value().value()),
            "");
      }
    }
  }

  /** Model parameters visible inside blocks (block arguments are added on top). */
  static Map<String, Object> globals(Map<String, Object> scope) {
    return new HashMap<>(scope);
  }

  static Shape input(YamlNode.Mapping root, Map<String, Object> scope, Problems problems) {
    YamlNode node = ModelBuilder.entry(root, "input");
    if (!(node instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
      problems.error(
          node == null ? root : node,
          "'input' must be the input shape without batch, e.g. [3, resolution, resolution]",
          "");
      return null;
    }
    List<Long> dims = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      try {
        double v = Formula.number(ModelBuilder.scalar(item), scope, "input");
        if (v < 1 || v != Math.rint(v)) {
          problems.error(
              item, "input sizes must be positive whole numbers, found " + Args.trim(v), "");
          return null;
        }
        if (v > ModelLimits.MAX_AXIS) {
          problems.error(
              item,
              "input size '"
                  + ModelBuilder.scalar(item)
                  + "' is "
                  + Args.trim(v)
                  + ", above the limit of "
                  + ModelLimits.MAX_AXIS,
              "");
          return null;
        }
        dims.add((long) v);
      } catch (Formula.FormulaError e) {
        problems.error(item, e.getMessage(), "");
        return null;
      }
    }
    Shape shape = new Shape(dims);
    try {
      ModelLimits.checkShape(shape, "the input");
    } catch (Formula.FormulaError e) {
      problems.error(node, e.getMessage(), "");
      return null;
    }
    return shape;
  }

  static NumericFormat format(YamlNode.Mapping root, Problems problems) {
    YamlNode node = ModelBuilder.entry(root, "precision");
    String text = node == null ? "fp16" : node instanceof YamlNode.Scalar s ? s.text() : "";
    return switch (text) {
      case "fp16" -> NumericFormat.FP16;
      case "fp32" -> NumericFormat.FP32;
        // an imported QDQ / QLinear graph: int8 weights and activations, as quantize(m, w8a8)
      case "w8a8" ->
          NumericFormat.FP16
              .withWeights(8, 0, 0, "int8")
              .withCompute("int8", 1, "int8 weights and activations");
      default -> {
        problems.error(node, "'precision' must be fp16, fp32 or w8a8, found '" + text + "'", "");
        yield NumericFormat.FP16;
      }
    };
  }

  static Reference reference(
      YamlNode.Mapping root, Map<String, Sourced<Quantity>> largest, Problems problems) {
    YamlNode node = ModelBuilder.entry(root, "reference");
    List<Fact> facts = new ArrayList<>();
    YamlNode.Mapping empty = new YamlNode.Mapping(root.source(), root.span(), Map.of());
    Fields f = Fields.root(node == null ? empty : node, problems, facts);
    if (f == null) {
      f = Fields.root(empty, problems, facts);
    }
    Sourced<Quantity> params = f.quantity("params", Dimension.NONE, node != null);
    Sourced<Quantity> macs = f.quantity("macs", Dimension.NONE, node != null);
    Sourced<Quantity> top1 = f.quantity("top1", Dimension.NONE, false);
    String note = f.text("note", "");
    f.finish();
    return new Reference(params, macs, top1, note, largest);
  }

  /** {@code mobilenet_v2(width = 0.5)}: the id with the overridden parameters. */
  static String label(String id, Map<String, Object> overrides) {
    if (overrides.isEmpty()) {
      return id;
    }
    return id
        + overrides.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + " = "
                        + (e.getValue() instanceof Double d ? Args.trim(d) : e.getValue()))
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
