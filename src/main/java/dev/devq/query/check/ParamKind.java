package dev.devq.query.check;

import dev.devq.cost.Runtime;
import dev.devq.cost.Start;
import dev.devq.cost.ThermalState;
import dev.devq.cost.UnitSet;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Dimensions;
import dev.devq.model.Transforms;
import java.util.ArrayList;
import java.util.List;

/** What an argument must be. Symbol kinds list the words they accept. */
public enum ParamKind {
  MODEL("a model"),
  TARGET("a device or SoC"),
  THERMAL("a thermal state"),
  UNITS("a compute-unit set"),
  UNIT("a compute unit"),
  START("warm, cold or first"),
  RUNTIME("a runtime"),
  OS("an OS release"),
  PRECISION("fp16 or fp32"),
  MODE("w8, w8a8, w4, q4_0, q8_0 or q4_k_m"),
  COUNT("a whole number"),
  PERCENT("a fraction such as 75%"),
  TIME("a time"),
  FREQUENCY("a rate such as 30fps"),
  OP("an op"),
  TEXT("a text"),
  ENTITY("an entity"),
  QUANTITY("a quantity"),
  WORD("a word");

  private final String describe;

  ParamKind(String describe) {
    this.describe = describe;
  }

  public String describe() {
    return describe;
  }

  /**
   * What a word of this kind is, for "unknown quantization mode 'w3'": the kinds whose description
   * lists their words would otherwise read "unknown w8, w8a8, w4, q4_0, q8_0 or q4_k_m 'w3'".
   */
  public String noun() {
    return switch (this) {
      case START -> "start";
      case PRECISION -> "precision";
      case MODE -> "quantization mode";
      default -> describe.replaceFirst("^an? ", "");
    };
  }

  /**
   * The dimension of a quantity of this kind (a count and a percentage are plain numbers), which
   * the checker asks of a typed argument and the evaluator of a value typed only when evaluated;
   * null for the kinds that are not one dimension of quantity.
   */
  public Dimension dimension() {
    return switch (this) {
      case COUNT, PERCENT -> Dimensions.NONE;
      case TIME -> Dimensions.TIME;
      case FREQUENCY -> Dimensions.FREQUENCY;
      case MODEL,
              TARGET,
              THERMAL,
              UNITS,
              UNIT,
              START,
              RUNTIME,
              OS,
              PRECISION,
              MODE,
              OP,
              TEXT,
              ENTITY,
              QUANTITY,
              WORD ->
          null;
    };
  }

  /** The words a symbol parameter accepts (with aliases), for resolution and completion. */
  public List<String> words() {
    return switch (this) {
      case THERMAL -> ThermalState.keys();
      case UNITS -> {
        List<String> all = new ArrayList<>(UnitSet.keys());
        all.addAll(List.of("cpuOnly", "cpuAndGPU", "cpuAndNeuralEngine"));
        yield all;
      }
      case UNIT -> List.of("ane", "gpu", "cpu");
      case START -> Start.keys();
      case RUNTIME -> Runtime.words();
      case OS -> List.of("newest", "\"iOS 17\"", "\"macOS 14\"");
      case PRECISION -> Transforms.PRECISIONS;
      case MODE -> Transforms.QUANTIZE_MODES;
      case MODEL, TARGET, COUNT, PERCENT, TIME, FREQUENCY, OP, TEXT, ENTITY, QUANTITY, WORD ->
          List.of();
    };
  }
}
