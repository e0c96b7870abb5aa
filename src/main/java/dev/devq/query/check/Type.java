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
   * A quantity of {@code dimension}; {@code perToken} marks a frequency that counts tokens ({@code
   * decode_rate(…)}, {@code 20 tok/s}), which shares its dimension with a frame rate but must never
   * be compared with one.
   */
  record Quantity(Dimension dimension, boolean perToken) implements Type {
    /** A quantity of {@code dimension} read as it is, no token rate. */
    public Quantity(Dimension dimension) {
      this(dimension, false);
    }

    public String describe() {
      return UnitRegistry.standard().describe(dimension);
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

  /** The type of a quantity shown in {@code displayUnit}: one in tok/s is a token rate. */
  static Type quantity(Dimension d, String displayUnit) {
    return new Quantity(d, dev.devq.lang.unit.Quantity.TOKEN_RATE.equals(displayUnit));
  }

  /** A rate of tokens per second, the type of {@code decode_rate(…)} and of {@code 20 tok/s}. */
  static Type tokenRate() {
    return new Quantity(dev.devq.lang.unit.Dimensions.FREQUENCY, true);
  }
}
