package dev.devq.query.eval;

import dev.devq.cost.CannotRun;
import dev.devq.cost.Target;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Entity;
import dev.devq.kb.Fact;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.kb.Support;
import dev.devq.kb.SupportRule;
import dev.devq.kb.SupportStatus;
import dev.devq.query.check.Params;
import dev.devq.query.check.TypedExpr;
import dev.devq.query.check.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code supported}, {@code support} and {@code info}: questions answered from the catalog alone.
 * Support follows the same rules as the grid of {@code devq search} ({@link SupportRule}).
 */
final class Lookups {
  private Lookups() {}

  /**
   * {@code supported(op, target, unit, os)}: the support rule's answer, true for {@code yes} or
   * partial, and unknown (with the rule's reason) where no source settles it, never false. Under a
   * release the target never runs it is "cannot run", as every estimate there is (one rule,
   * whatever the construct), so {@code not supported(…)} cannot pass on a release never run.
   */
  static Value supported(Evaluator ev, TypedExpr.Call e) {
    SupportAsked asked = supportAsked(ev, e);
    if (asked.neverRun().isPresent()) {
      return new Value.CannotRunV(asked.neverRun().get(), ev.source(), e.arg(Params.OS).span());
    }
    return asked.verdict().status() == SupportStatus.UNKNOWN
        ? Value.BoolV.unknown(because(ev, asked))
        : new Value.BoolV(asked.verdict().known());
  }

  /**
   * Why {@code supported(…)} is false, in the support rule's words: {@code "GPU support starts with
   * iOS 18 / macOS 15 [source]"}; where no source settles it the answer is unknown, not false, and
   * {@link #supported} carries the same words.
   */
  static String unsupportedBecause(Evaluator ev, TypedExpr.Call e) {
    SupportAsked asked = supportAsked(ev, e);
    return asked.verdict().known() ? "" : because(ev, asked);
  }

  /**
   * The support rule's reason for an answer other than yes, and the op's source where it is one.
   */
  private static String because(Evaluator ev, SupportAsked asked) {
    SupportRule.Verdict v = asked.verdict();
    KnowledgeBase kb = ev.engine().kb();
    String why = SupportRule.reason(kb, asked.op(), asked.soc(), asked.unit(), asked.os(), v);
    boolean fromTheOp =
        switch (v.cause()) {
          case CATALOG, BEFORE_OS, BEFORE_SOC, UNTESTED, NEVER_REACHES_OS -> true;
          case NO_COREML_ANE, OTHER_PLATFORM, AFTER_LAST_OS, BEFORE_FIRST_OS -> false;
        };
    String source = fromTheOp ? asked.op().supportOn(asked.unit()).provenance().source() : "";
    return why + (source.isEmpty() ? "" : " [" + source + "]");
  }

  private record SupportAsked(
      Op op,
      Soc soc,
      ComputeUnit unit,
      OsVersion os,
      SupportRule.Verdict verdict,
      Optional<CannotRun> neverRun) {}

  private static SupportAsked supportAsked(Evaluator ev, TypedExpr.Call e) {
    TypedExpr opArg = e.arg(Params.OP);
    TypedExpr targetArg = e.arg(Params.TARGET);
    Op op = (Op) ev.entity(ev.eval(opArg), opArg.span());
    Target target = Targets.target(ev, ev.eval(targetArg), targetArg.span());
    Soc soc = target.soc();
    TypedExpr unitArg = e.arg(Params.UNIT);
    ComputeUnit unit = ev.word(ev.eval(unitArg), Word.Unit.class, unitArg.span()).unit();
    TypedExpr osArg = e.arg(Params.OS);
    OsVersion os = ev.word(ev.eval(osArg), Word.Os.class, osArg.span()).release();
    KnowledgeBase kb = ev.engine().kb();
    return new SupportAsked(
        op,
        soc,
        unit,
        os,
        SupportRule.verdict(kb, op, soc, unit, os),
        CannotRun.Release.of(kb, op.id(), "op", target, os));
  }

  /**
   * The support table of an op: per compute unit its status (with the first SoC and OS) and limits,
   * then that unit's notes numbered as {@code devq search} numbers them, each with its source.
   */
  static Value support(Op op) {
    List<Value.Field> rows = new ArrayList<>();
    int n = 0;
    for (ComputeUnit u : ComputeUnit.values()) {
      Support s = op.supportOn(u);
      var text = new StringBuilder(s.status().key());
      if (!s.since().isEmpty()) {
        text.append(' ').append(s.since());
      }
      if (!s.limits().isNone()) {
        text.append("; ").append(s.limits().describe());
      }
      rows.add(new Value.Field(u.key(), new Value.StrV(text.toString()), s.provenance().source()));
      for (Support.Note note : s.notes()) {
        rows.add(
            new Value.Field(
                u.key() + "." + ++n, new Value.StrV(note.text().strip()), note.source()));
      }
    }
    return new Value.RecordV("support", op.id(), rows);
  }

  static Value info(Value v) {
    if (v instanceof Value.ModelV m) {
      var model = m.model();
      return new Value.RecordV(
          "info",
          model.label(),
          List.of(
              new Value.Field("name", new Value.StrV(model.name())),
              new Value.Field("layers", new Value.StrV(Integer.toString(model.layers().size())))));
    }
    Entity e = ((Value.EntityV) v).entity();
    List<Value.Field> fields = new ArrayList<>();
    for (Fact f : e.facts()) {
      fields.add(new Value.Field(f.path(), new Value.StrV(f.text()), f.provenance().source()));
    }
    return new Value.RecordV("info", e.id(), fields);
  }
}
