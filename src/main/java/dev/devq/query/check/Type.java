package dev.devq.query.check;

import dev.devq.lang.Article;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.UnitRegistry;
import java.util.List;

/** The static type of an expression; a quantity's type holds its dimension. */
public sealed interface Type {
  /** How messages name the type: "Time", "a device", "a list of SoCs". */
  String describe();

  /**
   * A quantity of {@code dimension}; {@code rate} says what a frequency or a count counts where the
   * expression says it: tokens ({@code decode_rate(…)}, {@code 20 tok/s}, {@code 128 tok}), frames
   * ({@code fps(…)}, {@code 30 fps}) or a core's cycles ({@code a16.cpu.p_core_clock}, {@code 3
   * GHz}, the cycles of a prediction {@code latency(…) * a16.cpu.p_core_clock}). Rates of two kinds
   * share their dimension but must never be compared; what a product or quotient counts is {@link
   * CountAlgebra}'s table.
   */
  record Quantity(Dimension dimension, Rate rate) implements Type {
    /** A quantity of {@code dimension} read as it is, counting nothing in particular. */
    public Quantity(Dimension dimension) {
      this(dimension, Rate.UNMARKED);
    }

    /** A token rate: {@code decode_rate(…)}, {@code 20 tok/s}, {@code 128 tok / latency(…)}. */
    public boolean perToken() {
      return rate == Rate.TOKENS;
    }

    /**
     * The sides count different things (tokens, frames, cycles): the comparison would misread one
     * of them.
     */
    boolean clashes(Quantity other) {
      return rate != Rate.UNMARKED && other.rate != Rate.UNMARKED && rate != other.rate;
    }

    /** How messages name what it counts: "a clock", "a token rate", "a count of cycles". */
    String what() {
      String counted = rate.name().toLowerCase(java.util.Locale.ROOT);
      if (rate != Rate.UNMARKED && dimension.equals(dev.devq.lang.unit.Dimensions.TIME)) {
        return "a time of " + counted; // 1 / clock: the time of a core's cycles
      }
      return dimension.isNone() && rate != Rate.UNMARKED ? "a count of " + counted : rate.what;
    }

    public String describe() {
      return UnitRegistry.standard().describe(dimension);
    }
  }

  /**
   * What a frequency counts, where the expression says so. {@code 1 / latency(…)} is unmarked: it
   * is a token rate when the model is a decode step, a frame rate otherwise, and only the user
   * knows. The unit a rate is written in marks it ({@link #written}).
   */
  enum Rate {
    UNMARKED(""),
    /** Tokens per second ({@code decode_rate(…)}), or a rate written in tok/s. */
    TOKENS("a token rate"),
    /** Predictions per second ({@code fps(…)}), or a rate written in fps, Hz or kHz. */
    FRAMES("a frame rate"),
    /**
     * The cycles of a core per second ({@code a16.cpu.p_core_clock}), or a rate written in MHz or
     * GHz: no model runs a million predictions or tokens a second, and no core clocks at a thousand
     * cycles. On a time, the time of a core's cycles ({@code 1 / a16.cpu.p_core_clock}), which is
     * no time of a prediction.
     */
    CYCLES("a clock");

    /** How messages name it: "a token rate", "a frame rate", "a clock". */
    public final String what;

    Rate(String what) {
      this.what = what;
    }

    /**
     * What a frequency written in {@code unit} counts, as the unit table says ({@link
     * dev.devq.lang.unit.Counted}): tok/s tokens, fps, Hz and kHz frames, MHz and GHz cycles.
     */
    static Rate written(String unit) {
      dev.devq.lang.unit.Unit u = UnitRegistry.standard().find(unit);
      return switch (u == null ? dev.devq.lang.unit.Counted.NOTHING : u.counts()) {
        case NOTHING -> UNMARKED;
        case FRAMES -> FRAMES;
        case TOKENS -> TOKENS;
        case CYCLES -> CYCLES;
      };
    }
  }

  record Bool() implements Type {
    public String describe() {
      return "a boolean";
    }
  }

  record Str() implements Type {
    public String describe() {
      return "a text";
    }
  }

  /** An entity of the knowledge base: {@code soc}, {@code device} or {@code op}. */
  record Entity(String kind) implements Type {
    public String describe() {
      return switch (kind) {
        case "soc" -> "a SoC";
        default -> Article.with(kind);
      };
    }
  }

  /** A model instance (a zoo model with parameters and transforms). */
  record Model() implements Type {
    public String describe() {
      return "a model";
    }
  }

  /**
   * Models run together: {@code seq(a, b)} or {@code par(a, b)}; estimate functions take it in
   * place of a model.
   */
  record Pipeline() implements Type {
    public String describe() {
      return "a pipeline";
    }
  }

  /** A word from a fixed set: a thermal state, a compute-unit set, a start, a precision, … */
  record Symbol(ParamKind kind) implements Type {
    public String describe() {
      return switch (kind) {
        case THERMAL -> "a thermal state";
        case UNITS -> "a compute-unit set";
        case UNIT -> "a compute unit";
        case OS -> Article.with("OS release");
        default -> Article.with(kind.name().toLowerCase(java.util.Locale.ROOT));
      };
    }
  }

  record ListOf(Type element) implements Type {
    public String describe() {
      return "a list of " + element.describe().replaceFirst("^an? ", "") + "s";
    }
  }

  /**
   * A structured result ({@code explain}, {@code info}, {@code support}): members known at run
   * time.
   */
  record Record(String kind) implements Type {
    public String describe() {
      return "unit".equals(kind) ? "a compute unit" : Article.with(kind + " record");
    }
  }

  /** The rows of a {@code table} query: a header and a type per column. */
  record Table(List<String> headers, List<Type> columns) implements Type {
    public Table {
      headers = List.copyOf(headers);
      columns = List.copyOf(columns);
    }

    public String describe() {
      return "a table";
    }
  }

  /** The typed hole {@code ?}. */
  record Hole() implements Type {
    public String describe() {
      return "a hole";
    }
  }

  /** Unknown until evaluation. */
  record Any() implements Type {
    public String describe() {
      return "a value";
    }
  }

  Type BOOL = new Bool();
  Type STR = new Str();
  Type MODEL = new Model();
  Type PIPELINE = new Pipeline();
  Type ANY = new Any();
  Type HOLE = new Hole();

  static Type quantity(Dimension d) {
    return new Quantity(d);
  }

  /**
   * The type of a quantity written or shown in {@code unit}: a frequency in tok/s is a token rate,
   * one in fps, Hz or kHz a frame rate, one in MHz or GHz a clock, a number in tok a count of
   * tokens ({@link Rate#written}).
   */
  static Type quantity(Dimension d, String unit) {
    if (!d.equals(dev.devq.lang.unit.Dimensions.FREQUENCY) && !d.isNone()) {
      return new Quantity(d);
    }
    return new Quantity(d, Rate.written(unit));
  }

  /** A rate of tokens per second, the type of {@code decode_rate(…)} and of {@code 20 tok/s}. */
  static Type tokenRate() {
    return new Quantity(dev.devq.lang.unit.Dimensions.FREQUENCY, Rate.TOKENS);
  }

  /** The cycles of a core per second, the type of {@code a16.cpu.p_core_clock}. */
  static Type clock() {
    return new Quantity(dev.devq.lang.unit.Dimensions.FREQUENCY, Rate.CYCLES);
  }

  /** Predictions per second, the type of {@code fps(…)}. */
  static Type frameRate() {
    return new Quantity(dev.devq.lang.unit.Dimensions.FREQUENCY, Rate.FRAMES);
  }
}
