package dev.devq.query.eval;

import dev.devq.kb.Device;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.kb.Sourced;
import dev.devq.kb.UnitSpec;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.Model;
import dev.devq.query.check.TypedExpr;
import java.util.List;

/**
 * Reads members of values: {@code a16.bandwidth}, {@code iphone_12.ram}, {@code resnet50.params}.
 */
final class MemberAccess {
  private MemberAccess() {}

  static Value get(Evaluator ev, Value target, TypedExpr.Member e) {
    String m = e.member();
    Value out = null;
    if (target instanceof Value.EntityV ent && ent.entity() instanceof Soc s) {
      out = soc(ev, s, m);
    } else if (target instanceof Value.EntityV ent && ent.entity() instanceof Device d) {
      out = device(ev, d, m);
    } else if (target instanceof Value.EntityV ent && ent.entity() instanceof Op op) {
      out = op(op, m);
    } else if (target instanceof Value.ModelV model) {
      out = model(model.model(), m);
    } else if (target instanceof Value.RecordV r) {
      out = r.get(m);
    }
    if (out == null) {
      throw ev.fail(
          DiagnosticCode.UNKNOWN_MEMBER, "no member '" + m + "' here", e.memberSpan(), "");
    }
    return out;
  }

  private static Value soc(Evaluator ev, Soc s, String m) {
    return switch (m) {
      case "id" -> new Value.StrV(s.id());
      case "name" -> new Value.StrV(s.name());
      case "typical_device" -> entity(ev.engine().kb().devices().get(s.typicalDevice()));
      case "gpu_working_set" ->
          q(ev.engine().kb().devices().get(s.typicalDevice()).gpuWorkingSet());
      case "year" -> count(s.year().value());
      case "process" -> new Value.StrV(s.process().value());
      case "memory_type" -> new Value.StrV(s.memoryType().value());
      case "bandwidth" -> q(s.bandwidth());
      case "slc" -> q(s.slc());
      case "ane" -> unit(s.ane(), "ane");
      case "gpu" -> unit(s.gpu(), "gpu");
      case "cpu" -> unit(s.cpu(), "cpu");
      case "coreml_ane" -> new Value.BoolV(s.coremlAne());
      case "int8_fast_path" -> new Value.BoolV(s.int8FastPath());
      default -> null;
    };
  }

  private static Value device(Evaluator ev, Device d, String m) {
    Value own =
        switch (m) {
          case "id" -> new Value.StrV(d.id());
          case "name" -> new Value.StrV(d.name());
          case "year" -> count(d.year().value());
          case "soc" -> entity(ev.engine().kb().socOf(d));
          case "form_factor" -> new Value.StrV(d.formFactor().key());
          case "ram" -> q(d.ram());
          case "app_memory_limit" -> q(d.appMemoryLimit());
          case "app_memory_limit_entitled" -> q(d.appMemoryLimitEntitled());
          case "gpu_working_set" -> q(d.gpuWorkingSet());
          case "battery_mah" -> q(d.batteryMah());
          case "battery_wh" -> q(d.batteryWh());
          default -> null;
        };
    Soc soc = ev.engine().kb().socOf(d);
    return own != null || soc == null ? own : soc(ev, soc, m);
  }

  private static Value unit(UnitSpec u, String key) {
    List<Value.Field> fields =
        List.of(
            new Value.Field("cores", count(u.cores().value())),
            new Value.Field("tops_fp16", q(u.peakFp16())),
            new Value.Field("tops_int8", q(u.peakInt8())),
            new Value.Field("tflops_fp16", q(u.peakFp16())),
            new Value.Field("tflops_fp32", q(u.peakFp32())),
            new Value.Field("gflops_fp32", q(u.peakFp32())),
            new Value.Field("power", q(u.power())));
    return new Value.RecordV("unit", key, fields);
  }

  private static Value op(Op op, String m) {
    return switch (m) {
      case "id" -> new Value.StrV(op.id());
      case "name" -> new Value.StrV(op.name());
      case "category" -> new Value.StrV(op.category());
      case "op_class" -> new Value.StrV(op.opClass());
      case "description" -> new Value.StrV(op.description());
      default -> null;
    };
  }

  private static Value model(Model model, String m) {
    return switch (m) {
      case "name" -> new Value.StrV(model.name());
      case "params" -> count(model.params());
      case "macs" -> count(model.macs());
      case "flops" -> new Value.QuantityV(Quantity.of(model.flops(), Dimensions.OPERATIONS));
      case "size" -> new Value.QuantityV(Quantity.of(model.weightBytes(), Dimensions.BYTES));
      case "layers" -> count(model.layers().size());
      case "peak_activations" ->
          new Value.QuantityV(Quantity.of(model.peakActivationBytes(), Dimensions.BYTES));
      case "kv_cache" -> new Value.QuantityV(Quantity.of(model.stateBytes(), Dimensions.BYTES));
      case "top1" -> new Value.QuantityV(model.reference().top1().value().withDisplayUnit("%"));
      case "reference_params" -> new Value.QuantityV(model.reference().params().value());
      case "reference_macs" -> new Value.QuantityV(model.reference().macs().value());
      default -> null;
    };
  }

  /** An entity the profiles refer to; null (an error at the member) when the reference dangles. */
  private static Value entity(dev.devq.kb.Entity e) {
    return e == null ? null : new Value.EntityV(e);
  }

  private static Value q(Sourced<Quantity> s) {
    return new Value.QuantityV(s.value());
  }

  private static Value count(double n) {
    return new Value.QuantityV(Quantity.number(n));
  }
}
