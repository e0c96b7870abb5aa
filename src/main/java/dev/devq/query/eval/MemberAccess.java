package dev.devq.query.eval;

import dev.devq.cost.MemoryLimit;
import dev.devq.kb.Entity;
import dev.devq.kb.Sourced;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.check.Members;
import dev.devq.query.check.Type;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads members of values ({@code a16.bandwidth}, {@code iphone_12.ram}, {@code resnet50.params})
 * through the one table of {@link Members}, and turns what a row reads into a query value.
 */
final class MemberAccess {
  private MemberAccess() {}

  static Value get(Evaluator ev, Value target, TypedExpr.Member e) {
    String m = e.member();
    if (target instanceof Value.CannotRunV) {
      return target; // its range ends (.low, .high) cannot run either
    }
    if (target instanceof Value.ExplainV x && !m.equals("memory")) {
      // explain(m, d) answers for a model that does not fit, to show why; its figures do not
      var refused = MemoryLimit.refusal(x.estimate());
      if (refused.isPresent()) {
        return new Value.CannotRunV(refused.get(), ev.source(), e.span());
      }
    }
    Value out;
    if (target instanceof Value.RecordV r) {
      out = r.get(m);
    } else {
      Object owner = owner(target);
      var kb = ev.engine().kb();
      out = owner == null ? null : value(kb, Members.read(kb, owner, m));
    }
    boolean rangeEnd = m.equals("low") || m.equals("high");
    if (out == null && target instanceof Value.QuantityV q && q.outOfScope() != null && rangeEnd) {
      // no measurement of this kind of model says how far it lands: the end is unknown, not an
      // error, so a comparison with it is unknown and a quantifier goes on to its other items
      return Value.QuantityV.outside(
          new Quantity(Double.NaN, q.quantity().dimension(), q.quantity().displayUnit()),
          q.outOfScope());
    }
    if (out == null && target instanceof Value.QuantityV q && !q.ranged() && rangeEnd) {
      throw ev.fail(
          DiagnosticCode.UNKNOWN_MEMBER,
          "this value has no 80% range, so no '." + m + "'",
          e.memberSpan(),
          "only a model's latency, fps, ttft, decode_rate, energy and battery estimates carry one: latency(m, d)."
              + m);
    }
    if (out == null && target instanceof Value.QuantityV q) {
      // an item of a list that mixes kinds ([iphone_12, 1]) is typed only here: the checker's words
      throw ev.fail(
          DiagnosticCode.UNKNOWN_MEMBER,
          dev.devq.lang.unit.UnitRegistry.standard().describe(q.quantity().dimension())
              + " has no member '"
              + m
              + "'",
          e.memberSpan(),
          "");
    }
    if (out == null) {
      // the checker's words for a value typed only here (an item of [a16, iphone_12], a record)
      String owner =
          target instanceof Value.EntityV en
              ? new Type.Entity(en.entity().kind()).describe() + " has"
              : target instanceof Value.RecordV r
                  ? new Type.Record(r.kind()).describe() + " has"
                  : "there is";
      throw ev.fail(
          DiagnosticCode.UNKNOWN_MEMBER, owner + " no member '" + m + "'", e.memberSpan(), "");
    }
    // an end of an estimate's range rests on what the estimate rests on (the entitlement)
    return Value.QuantityV.keeping(out, target);
  }

  private static Object owner(Value v) {
    if (v instanceof Value.EntityV ent) {
      return ent.entity();
    }
    if (v instanceof Value.ModelV model) {
      return model.model();
    }
    if (v instanceof Value.ExplainV x) {
      return x.estimate();
    }
    if (v instanceof Value.QuantityV q && q.ranged()) {
      return new Members.Ranged(q.quantity(), q.low(), q.high());
    }
    return null;
  }

  /** A query value of what a member row read; null stays null (an error at the member). */
  private static Value value(dev.devq.kb.KnowledgeBase kb, Object read) {
    Object v = read instanceof Sourced<?> s ? s.value() : read;
    if (v instanceof Quantity q) {
      return new Value.QuantityV(q);
    }
    if (v instanceof Number n) {
      return new Value.QuantityV(Quantity.number(n.doubleValue()));
    }
    if (v instanceof String s) {
      return new Value.StrV(s);
    }
    if (v instanceof Boolean b) {
      return new Value.BoolV(b);
    }
    if (v instanceof Entity e) {
      return new Value.EntityV(e);
    }
    if (v instanceof Members.UnitOf u) {
      List<Value.Field> fields = new ArrayList<>();
      for (String name : Members.unitMembers()) {
        fields.add(new Value.Field(name, value(kb, Members.read(kb, u, name))));
      }
      return new Value.RecordV("unit", u.unit().key(), fields);
    }
    return null;
  }
}
