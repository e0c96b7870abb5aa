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
      return new Target(s.label(), s, typical);
    }
    throw ev.fail(
        DiagnosticCode.TYPE_MISMATCH,
        "expected a device or SoC, found " + e.kind() + " '" + e.id() + "'",
        at,
        "");
  }

  static Conditions conditions(
      Evaluator ev, Value state, Value units, Value batch, Value start, Span at) {
    Thermal thermal = state instanceof Value.ThermalV t ? t.thermal() : Thermal.NOMINAL;
    UnitSet unitSet = units instanceof Value.SymbolV s ? UnitSet.parse(s.name()) : UnitSet.ALL;
    double b = ev.quantity(batch, at).value();
    if (b < 1 || b != Math.rint(b) || b > 4096) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "batch must be a whole number from 1 to 4096, found "
              + dev.devq.lang.unit.QuantityFormat.number(b, 6),
          at,
          "");
    }
    Start begin = start instanceof Value.SymbolV s ? Start.parse(s.name()) : null;
    return new Conditions(thermal, unitSet, (int) b, begin == null ? Start.WARM : begin);
  }
}
