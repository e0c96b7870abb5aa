package dev.devq.query.eval;

import dev.devq.cost.Conditions;
import dev.devq.cost.Start;
import dev.devq.cost.Target;
import dev.devq.cost.Thermal;
import dev.devq.cost.UnitSet;
import dev.devq.kb.Device;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Soc;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Span;
import dev.devq.query.check.Params;
import dev.devq.query.check.TypedExpr;
import dev.devq.query.check.Word;

/** Turns evaluated arguments into the cost model's target and conditions. */
final class Targets {
  private Targets() {}

  static Target target(Evaluator ev, Value v, Span at) {
    Entity e = ev.entity(v, at);
    KnowledgeBase kb = ev.engine().kb();
    if (e instanceof Device d) {
      return new Target(d.id(), kb.socOf(d), d);
    }
    if (e instanceof Soc s) {
      Device typical = kb.devices().get(s.typicalDevice());
      if (typical == null) {
        throw ev.fail(
            DiagnosticCode.BAD_VALUE,
            "SoC '" + s.id() + "' has no typical device to stand for it",
            at,
            "name a device instead");
      }
      return new Target(s.label(), s, typical, kb.devicesWith(s));
    }
    throw ev.fail(
        DiagnosticCode.TYPE_MISMATCH,
        "expected a device or SoC, found " + e.kind() + " '" + e.id() + "'",
        at,
        "");
  }

  /** The conditions of an estimate call, each a typed value since the checker. */
  static Conditions conditions(Evaluator ev, TypedExpr.Call e) {
    Value state = ev.eval(e.arg(Params.STATE));
    Thermal thermal =
        state instanceof Value.ThermalV t
            ? t.thermal()
            : Thermal.of(ev.word(state, Word.State.class, e.arg(Params.STATE).span()).state());
    TypedExpr unitsArg = e.arg(Params.UNITS);
    UnitSet units = ev.word(ev.eval(unitsArg), Word.Units.class, unitsArg.span()).units();
    TypedExpr batchArg = e.arg(Params.BATCH);
    double b = Representable.number(ev, batchArg, Params.BATCH.kind().dimension()).value();
    if (b < 1 || b != Math.rint(b) || b > 4096) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "batch must be a whole number from 1 to 4096, found "
              + dev.devq.lang.unit.QuantityFormat.number(b, 6),
          batchArg.span(),
          "");
    }
    TypedExpr startArg = e.arg(Params.START);
    Start start = ev.word(ev.eval(startArg), Word.Begin.class, startArg.span()).start();
    TypedExpr osArg = e.arg(Params.OS);
    var os = ev.word(ev.eval(osArg), Word.Os.class, osArg.span()).release();
    TypedExpr runtimeArg = e.arg(Params.RUNTIME);
    var runtime = ev.word(ev.eval(runtimeArg), Word.Engine.class, runtimeArg.span()).runtime();
    return new Conditions(thermal, units, (int) b, start, os, runtime);
  }
}
