package dev.devq.query.eval;

import dev.devq.cost.Breakdown;
import dev.devq.cost.Pipeline;
import dev.devq.cost.Thermal;
import dev.devq.kb.Entity;
import dev.devq.kb.OsVersion;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.Model;
import java.util.List;

/** A result of evaluation. Immutable; the front ends render it as text, JSON or Markdown. */
public sealed interface Value {
  /**
   * A quantity; an estimate's ({@code latency}, {@code energy}, {@code battery}) also carries its
   * 80% range, {@code low} and {@code high} (null for every other quantity). Arithmetic on it gives
   * a plain quantity: the range belongs to the estimate, not to what is computed from it; a
   * conversion ({@code in ms}) keeps it, since it only changes how the estimate is written.
   *
   * @param allowsFor the older OS release the range's pessimistic end allows for, as the prediction
   *     says ({@link dev.devq.cost.Prediction#rangeAllowsFor}), so every front end can say how to
   *     narrow it; null when it allows for none, and always for a quantity without a range.
   *     Arithmetic and conversions that keep the range keep it.
   * @param outOfScope why an estimate has no range although a fit is in force: its runtime's rows
   *     never measured a model of its kind ({@link dev.devq.cost.Prediction#rangeOutOfScope}); null
   *     for a quantity with a range or one that never had any. What is computed from it keeps it
   *     ({@link Arithmetic}): the figure still rests on an extrapolation. An unknown (NaN) quantity
   *     carries one only when it is unknown for want of that range: {@code .low} or {@code .high}
   *     of such an estimate, and what is computed from it ({@link #unknownWhy}).
   * @param caveats what the estimate rests on that its figure does not show ({@link Caveat}): the
   *     increased-memory-limit entitlement, an argument its function filled in. What is computed
   *     from it, and a conversion, keep them ({@link Arithmetic}); empty for a plain quantity.
   */
  record QuantityV(
      Quantity quantity,
      Quantity low,
      Quantity high,
      OsVersion allowsFor,
      dev.devq.cost.OutOfScope outOfScope,
      List<Caveat> caveats)
      implements Value {
    public QuantityV {
      caveats = List.copyOf(caveats);
      if (allowsFor != null && (low == null || high == null)) {
        throw new IllegalArgumentException("only a range allows for an older release");
      }
      if (outOfScope != null && (low != null || high != null)) {
        throw new IllegalArgumentException("an estimate outside its fit's scope has no range");
      }
    }

    public QuantityV(
        Quantity quantity,
        Quantity low,
        Quantity high,
        OsVersion allowsFor,
        dev.devq.cost.OutOfScope outOfScope) {
      this(quantity, low, high, allowsFor, outOfScope, List.of());
    }

    public QuantityV(Quantity quantity, Quantity low, Quantity high, OsVersion allowsFor) {
      this(quantity, low, high, allowsFor, null);
    }

    public QuantityV(Quantity quantity) {
      this(quantity, null, null, null, null);
    }

    /** {@code quantity} without a range, because {@code why} (null: a plain quantity). */
    public static QuantityV outside(Quantity quantity, dev.devq.cost.OutOfScope why) {
      return new QuantityV(quantity, null, null, null, why);
    }

    /** This quantity, also resting on {@code more} (each caveat once, in order). */
    public QuantityV withCaveats(List<Caveat> more) {
      if (caveats.containsAll(more)) {
        return this;
      }
      var all = new java.util.LinkedHashSet<>(caveats);
      all.addAll(more);
      return new QuantityV(quantity, low, high, allowsFor, outOfScope, List.copyOf(all));
    }

    /**
     * {@code v} resting on the caveats of {@code sources} too, when it is a quantity: what is
     * computed from an estimate keeps what the estimate rests on.
     */
    static Value keeping(Value v, Value... sources) {
      if (!(v instanceof QuantityV q)) {
        return v;
      }
      QuantityV out = q;
      for (Value s : sources) {
        if (s instanceof QuantityV from) {
          out = out.withCaveats(from.caveats());
        }
      }
      return out;
    }

    public boolean ranged() {
      return low != null && high != null;
    }

    /**
     * Why this quantity is unknown (NaN), {@code written} as the query wrote it: an end of the 80%
     * range an estimate does not have says why it has none, in the same words for every model of
     * its kind ({@link dev.devq.cost.OutOfScope#endUnknown}); any other, a fact no source gives,
     * that it is unknown.
     */
    public String unknownWhy(String written) {
      return outOfScope != null ? outOfScope.endUnknown() : written + " is unknown";
    }
  }

  /**
   * An estimate of a model that cannot run on its target, for lack of memory or under an OS release
   * the target never runs: the answer of {@code latency}, {@code fps}, {@code energy} and the other
   * estimate functions there. Arithmetic on it gives it again; a comparison with it is false;
   * filters, quantifiers, aggregates and holes leave it out and say so.
   *
   * @param source the statement whose call made it
   * @param at where in {@code source} the reason lies: the {@code os} argument of a release the
   *     target never runs, else the call; an error that needs a number of it points there
   */
  record CannotRunV(dev.devq.cost.CannotRun why, SourceText source, Span at) implements Value {}

  /**
   * A truth value ({@link Truth}); an unknown one says why ({@code "d.battery_wh is unknown"}, the
   * support rule's reason), and {@code why} is empty for a known one. {@link #and}, {@link #or} and
   * {@link #not} follow {@link Truth} and keep the reason of the first unknown side, so a check
   * whose answer is unknown can say what it could not know. {@code compared} is the comparison that
   * decided it, kept where a {@code let} binds one ({@link Comparison}), else {@link
   * Comparison#NONE}; what is computed from the truth ({@code not}, {@code and}, {@code or}) is no
   * comparison and keeps none.
   *
   * @param vacuous the quantifiers over nothing this known truth rests on: it would not hold were
   *     they unknown (Kleene's logic, {@link Truth}). Empty when it holds without them ({@code true
   *     or <all over nothing>}), and always for an unknown truth. {@code not} keeps them; {@code
   *     and} and {@code or} keep those of the sides that decided; a quantifier whose every item
   *     asked rested on some rests on them ({@link Quantified}).
   */
  record BoolV(Truth truth, String why, Comparison compared, List<Vacuous> vacuous)
      implements Value {
    public BoolV {
      if ((truth == Truth.UNKNOWN) == why.isEmpty()) {
        throw new IllegalArgumentException("an unknown truth, and only one, says why");
      }
      vacuous = truth == Truth.UNKNOWN ? List.of() : List.copyOf(vacuous);
    }

    public BoolV(Truth truth, String why) {
      this(truth, why, Comparison.NONE, List.of());
    }

    public BoolV(boolean value) {
      this(Truth.of(value), "");
    }

    /** This truth, decided by {@code comparison}. */
    BoolV comparedBy(Comparison comparison) {
      return new BoolV(truth, why, comparison, vacuous);
    }

    /** This truth, resting on {@code quantifiers} too. */
    BoolV restingOn(List<Vacuous> quantifiers) {
      if (vacuous.containsAll(quantifiers)) {
        return this; // nothing new: the usual case of a join, done once per item of a quantifier
      }
      var all = new java.util.LinkedHashSet<>(vacuous);
      all.addAll(quantifiers);
      return new BoolV(truth, why, compared, List.copyOf(all));
    }

    /** This truth alone, without the comparison that decided it. */
    BoolV plain() {
      return compared == Comparison.NONE ? this : new BoolV(truth, why, Comparison.NONE, vacuous);
    }

    public static BoolV unknown(String why) {
      // an answer that is unknown always says so, even when its reason has no words
      return new BoolV(Truth.UNKNOWN, why.isEmpty() ? "no source gives it" : why);
    }

    /** Whether it is true: false for false and for unknown. */
    public boolean isTrue() {
      return truth == Truth.TRUE;
    }

    public boolean known() {
      return truth != Truth.UNKNOWN;
    }

    /** Whether it holds without a quantifier over nothing ({@link #vacuous} is empty). */
    public boolean sturdy() {
      return vacuous.isEmpty();
    }

    public BoolV not() {
      return known() ? new BoolV(truth.not(), "", Comparison.NONE, vacuous) : plain();
    }

    public BoolV and(BoolV other) {
      return join(true, other);
    }

    public BoolV or(BoolV other) {
      return join(false, other);
    }

    /**
     * {@code this and other} (else {@code or}). When both sides have the answer's truth, both
     * decided it: one that alone decides it ({@code false} for {@code and}) without a quantifier
     * over nothing makes the answer sturdy; otherwise the answer rests on what both rest on.
     */
    private BoolV join(boolean and, BoolV other) {
      Truth t = and ? truth.and(other.truth) : truth.or(other.truth);
      if (t == Truth.UNKNOWN || truth != t || other.truth != t) {
        return pick(t, other);
      }
      if (t.decides(and) && (sturdy() || other.sturdy())) {
        return (sturdy() ? this : other).plain();
      }
      return plain().restingOn(other.vacuous);
    }

    /** The side whose truth is {@code t}, this one first: the first unknown reason is kept. */
    private BoolV pick(Truth t, BoolV other) {
      return (truth == t ? this : other).plain();
    }
  }

  record StrV(String value) implements Value {}

  record EntityV(Entity entity) implements Value {}

  record ModelV(Model model) implements Value {}

  /** Models run together: {@code seq(a, b)}, {@code par(a, b)}. */
  record PipelineV(Pipeline pipeline) implements Value {}

  /** A word of a fixed set, parsed by the checker: a compute-unit set, a start, a precision. */
  record WordV(dev.devq.query.check.Word word) implements Value {}

  record ThermalV(Thermal thermal) implements Value {}

  record ListV(List<Value> items) implements Value {
    public ListV {
      items = List.copyOf(items);
    }
  }

  /**
   * The rows of a {@code table} query, each cell a small display value (a quantity, a text, an
   * entity); a cell the row could not compute is an unknown quantity (NaN). No estimate is kept.
   * {@code leftOut} says why of the rows it holds (a cell whose row failed, an estimate that cannot
   * run, what its filter left out), so the reasons go wherever the table goes.
   */
  record TableV(List<String> headers, List<List<Value>> rows, List<LeftOut> leftOut)
      implements Value {
    public TableV {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      leftOut = List.copyOf(leftOut);
    }

    /** A table that leaves nothing out: one a front end lays out from other results. */
    public TableV(List<String> headers, List<List<Value>> rows) {
      this(headers, rows, List.of());
    }
  }

  /**
   * A titled list of named values ({@code info}, {@code support}, one layer of {@code fallbacks}).
   */
  record RecordV(String kind, String title, List<Field> fields) implements Value {
    public RecordV {
      fields = List.copyOf(fields);
    }

    public Value get(String name) {
      return fields.stream()
          .filter(f -> f.name().equals(name))
          .map(Field::value)
          .findFirst()
          .orElse(null);
    }
  }

  /** One named value of a record; {@code source} names where it comes from, or is empty. */
  record Field(String name, Value value, String source) {
    public Field(String name, Value value) {
      this(name, value, "");
    }
  }

  /**
   * An estimate to show layer by layer, or a pipeline's schedule ({@code explain}, {@code
   * placement}).
   */
  record ExplainV(String kind, Breakdown estimate) implements Value {}
}
