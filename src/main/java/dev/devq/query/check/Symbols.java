package dev.devq.query.check;

import dev.devq.cost.Runtime;
import dev.devq.cost.ThermalState;
import dev.devq.cost.UnitSet;

/** Canonical spellings of the words of symbol parameters (Core ML aliases accepted). */
final class Symbols {
  private Symbols() {}

  /** The canonical word, or empty when {@code word} is not one of the kind's words. */
  static String canonical(ParamKind kind, String word) {
    return switch (kind) {
      case THERMAL -> ThermalState.parse(word) == null ? "" : word;
      case UNITS -> {
        UnitSet u = UnitSet.parse(word);
        yield u == null ? "" : u.key();
      }
      case RUNTIME -> {
        Runtime r = Runtime.parse(word);
        yield r == null ? "" : r.key();
      }
      default -> kind.words().contains(word) ? word : "";
    };
  }
}
