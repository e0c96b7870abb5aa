package dev.devq.query.check;

import dev.devq.cost.Runtime;
import dev.devq.cost.Start;
import dev.devq.cost.ThermalState;
import dev.devq.cost.UnitSet;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.OsVersion;
import dev.devq.model.Transforms;
import java.util.Locale;

/**
 * A word of a fixed set, parsed once by the checker into what the cost model takes: a thermal
 * state, a compute-unit set, a compute unit, a start, a runtime or an OS. Precisions, quantize
 * modes and the words of model parameters stay text, because the model layer takes them as text.
 * The evaluator never parses a word again.
 *
 * <pre>{@code
 * Word.parse(ParamKind.UNITS, "cpuAndGPU")   // Units[units=CPU_AND_GPU]
 * Word.parse(ParamKind.START, "hot")         // null
 * }</pre>
 */
public sealed interface Word {
  /** The canonical spelling: {@code throttled}, {@code cpu_and_ne}, {@code coreml}. */
  String text();

  /** The parameter kind this word belongs to. */
  ParamKind kind();

  record State(ThermalState state) implements Word {
    public String text() {
      return state.key();
    }

    public ParamKind kind() {
      return ParamKind.THERMAL;
    }
  }

  record Units(UnitSet units) implements Word {
    public String text() {
      return units.key();
    }

    public ParamKind kind() {
      return ParamKind.UNITS;
    }
  }

  record Unit(ComputeUnit unit) implements Word {
    public String text() {
      return unit.key();
    }

    public ParamKind kind() {
      return ParamKind.UNIT;
    }
  }

  record Begin(Start start) implements Word {
    public String text() {
      return start.key();
    }

    public ParamKind kind() {
      return ParamKind.START;
    }
  }

  record Engine(Runtime runtime) implements Word {
    public String text() {
      return runtime.key();
    }

    public ParamKind kind() {
      return ParamKind.RUNTIME;
    }
  }

  /**
   * An OS release ({@code os = "iOS 17"}); {@link #NEWEST} stands for the newest release the SoC
   * runs, which the support rule works out per SoC.
   */
  record Os(OsVersion version, boolean newest) implements Word {
    public static final Os NEWEST = new Os(new OsVersion("ios", 0), true);

    public String text() {
      return newest ? "newest" : version.toString();
    }

    public ParamKind kind() {
      return ParamKind.OS;
    }

    /** The release for {@link dev.devq.kb.SupportRule}: null = the newest the SoC runs. */
    public OsVersion release() {
      return newest ? null : version;
    }
  }

  /** A precision, a quantize mode or a model parameter's word ({@code decode}). */
  record Text(ParamKind kind, String text) implements Word {}

  /**
   * The word a bare name stands for in an expression ({@code throttled}, {@code cpu_only}), or
   * null: any kind's word but a free word's or an OS release's, which only an argument's place
   * gives.
   */
  static Word named(String text) {
    for (ParamKind kind : ParamKind.values()) {
      Word word =
          kind == ParamKind.WORD
                  || kind == ParamKind.OS
                  // capitals are a GGUF format only where a quantize mode is expected
                  || kind == ParamKind.MODE && !Transforms.QUANTIZE_MODES.contains(text)
              ? null
              : parse(kind, text);
      if (word != null) {
        return word;
      }
    }
    return null;
  }

  /** The word of a kind written as {@code text}, or null when the kind has no such word. */
  static Word parse(ParamKind kind, String text) {
    return switch (kind) {
      case THERMAL -> {
        ThermalState s = ThermalState.parse(text);
        yield s == null ? null : new State(s);
      }
      case UNITS -> {
        UnitSet u = UnitSet.parse(text);
        yield u == null ? null : new Units(u);
      }
      case UNIT -> {
        int i = ParamKind.UNIT.words().indexOf(text);
        yield i < 0 ? null : new Unit(ComputeUnit.values()[i]);
      }
      case START -> {
        Start s = Start.parse(text);
        yield s == null ? null : new Begin(s);
      }
      case RUNTIME -> {
        Runtime r = Runtime.parse(text);
        yield r == null ? null : new Engine(r);
      }
      case OS -> os(text);
      case PRECISION -> kind.words().contains(text) ? new Text(kind, text) : null;
      case MODE -> mode(text);
      case WORD -> new Text(kind, text);
      case MODEL, TARGET, COUNT, PERCENT, TIME, FREQUENCY, OP, TEXT, ENTITY, QUANTITY -> null;
    };
  }

  /**
   * A quantize mode. GGUF's formats are also taken in capitals, as llama.cpp's documentation and
   * every GGUF file name write them ({@code Q4_K_M}), and kept as the lowercase id.
   */
  private static Word mode(String text) {
    if (Transforms.QUANTIZE_MODES.contains(text)) {
      return new Text(ParamKind.MODE, text);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return Transforms.GGUF_MODES.contains(lower) ? new Text(ParamKind.MODE, lower) : null;
  }

  private static Word os(String text) {
    if (text.equals("newest")) {
      return Os.NEWEST;
    }
    try {
      return new Os(OsVersion.parse(text), false);
    } catch (IllegalArgumentException notARelease) {
      return null;
    }
  }
}
