package dev.devq.query.check;

import dev.devq.cost.Breakdown;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Device;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.kb.UnitSpec;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The members of each kind of value, one row each: the name, the type the checker gives it, and how
 * the evaluator reads it ({@code a16.bandwidth}, {@code resnet50.params}, {@code
 * a16.ane.tops_fp16}, {@code explain(m, d).latency}). A device also answers its SoC's members, so
 * {@code iphone_12.bandwidth} works. Adding a member is one row here.
 *
 * <p>A reader returns a plain Java value ({@code Sourced}, {@code Quantity}, a number, text, a
 * boolean, an entity or a {@link UnitOf}) that the evaluator turns into a query value; null means
 * the profile has no such value (a dangling reference), an error at the member.
 */
public final class Members {
  /** One member of values of type {@code T}. */
  public record Member<T>(String name, Type type, BiFunction<KnowledgeBase, T, Object> read) {}

  /**
   * An estimate's figure with its 80% range, as {@code latency(m, d).low} reads it; low and high
   * are null for a quantity that is no estimate.
   */
  public record Ranged(Quantity value, Quantity low, Quantity high) {}

  /** A compute unit of a SoC, as {@code a16.ane} reads it. */
  public record UnitOf(ComputeUnit unit, UnitSpec spec) {}

  private static final Type COUNT = Type.quantity(Dimensions.NONE);
  private static final Type UNIT = new Type.Record("unit");

  private static final List<Member<Soc>> SOC =
      List.of(
          m("id", Type.STR, (kb, s) -> s.id()),
          m("name", Type.STR, (kb, s) -> s.name()),
          m("year", COUNT, (kb, s) -> s.year()),
          m("process", Type.STR, (kb, s) -> s.process()),
          m("ane", UNIT, (kb, s) -> new UnitOf(ComputeUnit.ANE, s.ane())),
          m("gpu", UNIT, (kb, s) -> new UnitOf(ComputeUnit.GPU, s.gpu())),
          m("cpu", UNIT, (kb, s) -> new UnitOf(ComputeUnit.CPU, s.cpu())),
          m("memory_type", Type.STR, (kb, s) -> s.memoryType()),
          m("bandwidth", Type.quantity(Dimensions.BANDWIDTH), (kb, s) -> s.bandwidth()),
          m("slc", Type.quantity(Dimensions.BYTES), (kb, s) -> s.slc()),
          m(
              "typical_device",
              new Type.Entity("device"),
              (kb, s) -> kb.devices().get(s.typicalDevice())),
          // a SoC has no RAM of its own: its GPU working set is that of the device its profile
          // reads memory figures from (memory_device, else its typical device)
          m(
              "gpu_working_set",
              Type.quantity(Dimensions.BYTES),
              (kb, s) -> kb.devices().get(s.memoryFiguresOf()).gpuWorkingSet()),
          m("coreml_ane", Type.BOOL, (kb, s) -> s.coremlAne()),
          m("int8_fast_path", Type.BOOL, (kb, s) -> s.int8FastPath()));

  private static final List<Member<UnitOf>> UNIT_MEMBERS =
      List.of(
          m("cores", COUNT, (kb, u) -> u.spec().cores()),
          m("tops_fp16", Type.quantity(Dimensions.THROUGHPUT), (kb, u) -> u.spec().peakFp16()),
          m("tops_int8", Type.quantity(Dimensions.THROUGHPUT), (kb, u) -> u.spec().peakInt8()),
          m("tflops_fp16", Type.quantity(Dimensions.THROUGHPUT), (kb, u) -> u.spec().peakFp16()),
          m("tflops_fp32", Type.quantity(Dimensions.THROUGHPUT), (kb, u) -> u.spec().peakFp32()),
          m("gflops_fp32", Type.quantity(Dimensions.THROUGHPUT), (kb, u) -> u.spec().peakFp32()),
          m("power", Type.quantity(Dimensions.POWER), (kb, u) -> u.spec().power()),
          m("p_core_clock", Type.clock(), (kb, u) -> u.spec().clock()),
          // the DRAM bandwidth the unit itself reaches (m1_max.cpu.bandwidth), unknown where no
          // measurement gives one; the SoC's own a16.bandwidth is the memory's
          m("bandwidth", Type.quantity(Dimensions.BANDWIDTH), (kb, u) -> u.spec().bandwidth()));

  private static final List<Member<Device>> DEVICE =
      List.of(
          m("id", Type.STR, (kb, d) -> d.id()),
          m("name", Type.STR, (kb, d) -> d.name()),
          m("year", COUNT, (kb, d) -> d.year()),
          m("soc", new Type.Entity("soc"), (kb, d) -> kb.socOf(d)),
          m("form_factor", Type.STR, (kb, d) -> d.formFactor().key()),
          m("ram", Type.quantity(Dimensions.BYTES), (kb, d) -> d.ram()),
          m("app_memory_limit", Type.quantity(Dimensions.BYTES), (kb, d) -> d.appMemoryLimit()),
          m(
              "app_memory_limit_entitled",
              Type.quantity(Dimensions.BYTES),
              (kb, d) -> d.appMemoryLimitEntitled()),
          m("gpu_working_set", Type.quantity(Dimensions.BYTES), (kb, d) -> d.gpuWorkingSet()),
          m("ram_max", Type.quantity(Dimensions.BYTES), (kb, d) -> d.ramMax()),
          m(
              "gpu_working_set_max",
              Type.quantity(Dimensions.BYTES),
              (kb, d) -> d.gpuWorkingSetMax()),
          m(
              "app_memory_limit_max",
              Type.quantity(Dimensions.BYTES),
              (kb, d) -> d.appMemoryLimitMax()),
          m(
              "app_memory_limit_entitled_max",
              Type.quantity(Dimensions.BYTES),
              (kb, d) -> d.appMemoryLimitEntitledMax()),
          m("variant_ram_max", Type.quantity(Dimensions.BYTES), (kb, d) -> d.variantRamMax()),
          m(
              "variant_gpu_working_set_max",
              Type.quantity(Dimensions.BYTES),
              (kb, d) -> d.variantGpuWorkingSetMax()),
          m("battery_mah", Type.quantity(Dimensions.CHARGE), (kb, d) -> d.batteryMah()),
          m("battery_wh", Type.quantity(Dimensions.ENERGY), (kb, d) -> d.batteryWh()));

  private static final List<Member<Model>> MODEL =
      List.of(
          m("name", Type.STR, (kb, x) -> x.name()),
          m("params", COUNT, (kb, x) -> x.params()),
          m("macs", COUNT, (kb, x) -> x.macs()),
          m(
              "flops",
              Type.quantity(Dimensions.OPERATIONS),
              (kb, x) -> Quantity.of(x.flops(), Dimensions.OPERATIONS)),
          m(
              "size",
              Type.quantity(Dimensions.BYTES),
              (kb, x) -> Quantity.of(x.weightBytes(), Dimensions.BYTES)),
          m("layers", COUNT, (kb, x) -> x.layers().size()),
          m(
              "peak_activations",
              Type.quantity(Dimensions.BYTES),
              (kb, x) -> Quantity.of(x.peakActivationBytes(), Dimensions.BYTES)),
          m(
              "kv_cache",
              Type.quantity(Dimensions.BYTES),
              (kb, x) -> Quantity.of(x.stateBytes(), Dimensions.BYTES)),
          m("top1", COUNT, (kb, x) -> x.reference().top1().value().withDisplayUnit("%")),
          m("reference_params", COUNT, (kb, x) -> x.reference().params()),
          m("reference_macs", COUNT, (kb, x) -> x.reference().macs()));

  private static final List<Member<Op>> OP =
      List.of(
          m("id", Type.STR, (kb, o) -> o.id()),
          m("name", Type.STR, (kb, o) -> o.name()),
          m("category", Type.STR, (kb, o) -> o.category()),
          m("op_class", Type.STR, (kb, o) -> o.opClass()),
          m("description", Type.STR, (kb, o) -> o.description()));

  /** {@code explain(m, d)} and {@code placement(m, d)}: the figures of the estimate shown. */
  private static final List<Member<Breakdown>> ESTIMATE =
      List.of(
          m(
              "latency",
              Type.quantity(Dimensions.TIME),
              (kb, b) -> Quantity.of(b.latency(), Dimensions.TIME)),
          m(
              "load_time",
              Type.quantity(Dimensions.TIME),
              (kb, b) -> Quantity.of(b.loadTime(), Dimensions.TIME)),
          m(
              "memory",
              Type.quantity(Dimensions.BYTES),
              (kb, b) -> Quantity.of(b.memoryBytes(), Dimensions.BYTES)),
          m(
              "energy",
              Type.quantity(Dimensions.ENERGY),
              (kb, b) -> Quantity.of(b.energy(), Dimensions.ENERGY)));

  /**
   * The ends of an estimate's 80% range ({@code latency(m, d).high}). Their type is the owner's
   * quantity type, which {@link #of} gives; the row's type is only a placeholder.
   */
  private static final List<Member<Ranged>> RANGE =
      List.of(m("low", Type.ANY, (kb, r) -> r.low()), m("high", Type.ANY, (kb, r) -> r.high()));

  private Members() {}

  /**
   * {@code target.member}: typed as the member of the target's type, or an error at the member that
   * lists the members there are (or the one meant).
   */
  static TypedExpr check(Checker c, Expr.Member e) {
    TypedExpr target = c.check(e.target());
    Type t = of(target.type(), e.member());
    if (t == null) {
      boolean ranged = rows(target.type()) == RANGE;
      List<String> names = names(target.type());
      c.error(
          DiagnosticCode.UNKNOWN_MEMBER,
          target.type().describe() + " has no member '" + e.member() + "'",
          e.memberSpan(),
          names.isEmpty() && !ranged ? "this value has no members" : "unknown member",
          ranged ? rangeNote(e.member()) : listNote(e.member(), names));
      t = Type.ANY;
    }
    return new TypedExpr.Member(e.span(), t, target, e.member(), e.memberSpan());
  }

  /** The one meant among the members there are, or the list of them; empty when there are none. */
  private static String listNote(String member, List<String> names) {
    String meant = Suggestions.didYouMean(member, names);
    if (!meant.isEmpty() || names.isEmpty()) {
      return meant;
    }
    return "members: " + String.join(", ", names);
  }

  /**
   * A quantity's members are the ends of an estimate's range: {@link #names} leaves them out (most
   * quantities have no range), but the message must not say there are no members at all.
   */
  private static String rangeNote(String member) {
    String meant = Suggestions.didYouMean(member, List.of("low", "high"));
    return meant.isEmpty()
        ? "an estimate's quantity has only the ends of its 80% range: .low and .high"
        : meant;
  }

  /** The member's type, or null when the value has no such member. */
  public static Type of(Type target, String member) {
    if (target instanceof Type.Any) {
      return Type.ANY;
    }
    List<? extends Member<?>> rows = rows(target);
    if (rows == null) {
      // records whose fields are known only when evaluated: info, support, a layer
      return target instanceof Type.Record ? Type.ANY : null;
    }
    Member<?> m = find(rows, member);
    if (m == null && target instanceof Type.Entity e && e.kind().equals("device")) {
      m = find(SOC, member);
    }
    if (m != null && rows == RANGE) {
      return target;
    }
    return m == null ? null : m.type();
  }

  /** Every member name of a type, for suggestions and completion. */
  public static List<String> names(Type target) {
    List<? extends Member<?>> rows = rows(target);
    if (rows == null || rows == RANGE) {
      // only an estimate's quantity has a range; offering low/high on every quantity would mislead
      return List.of();
    }
    List<String> out = new ArrayList<>(rows.stream().map(Member::name).toList());
    if (target instanceof Type.Entity e && e.kind().equals("device")) {
      SOC.stream().map(Member::name).filter(k -> !out.contains(k)).forEach(out::add);
    }
    return out;
  }

  /**
   * Reads a member of a SoC, device, model, op, compute unit or estimate; null when the owner has
   * no such member or the profile no such value.
   */
  public static Object read(KnowledgeBase kb, Object owner, String member) {
    if (owner instanceof Soc s) {
      return read(kb, SOC, s, member);
    }
    if (owner instanceof Device d) {
      Member<Device> own = find(DEVICE, member);
      if (own != null) {
        return own.read().apply(kb, d);
      }
      // only a member the device lacks is its SoC's: d.ram inside a quantifier needs no SoC
      Soc soc = kb.socOf(d);
      return soc == null ? null : read(kb, SOC, soc, member);
    }
    if (owner instanceof Model x) {
      return read(kb, MODEL, x, member);
    }
    if (owner instanceof Op o) {
      return read(kb, OP, o, member);
    }
    if (owner instanceof UnitOf u) {
      return read(kb, UNIT_MEMBERS, u, member);
    }
    if (owner instanceof Breakdown b) {
      return read(kb, ESTIMATE, b, member);
    }
    if (owner instanceof Ranged r) {
      return read(kb, RANGE, r, member);
    }
    return null;
  }

  /** The members of a compute unit in order, for showing {@code a16.ane} as a record. */
  public static List<String> unitMembers() {
    return UNIT_MEMBERS.stream().map(Member::name).toList();
  }

  private static <T> Object read(KnowledgeBase kb, List<Member<T>> rows, T owner, String name) {
    Member<T> m = find(rows, name);
    return m == null ? null : m.read().apply(kb, owner);
  }

  private static <M extends Member<?>> M find(List<M> rows, String name) {
    for (M m : rows) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }

  private static List<? extends Member<?>> rows(Type t) {
    if (t instanceof Type.Entity e) {
      return switch (e.kind()) {
        case "soc" -> SOC;
        case "device" -> DEVICE;
        case "op" -> OP;
        default -> null;
      };
    }
    if (t instanceof Type.Model) {
      return MODEL;
    }
    if (t instanceof Type.Quantity) {
      return RANGE;
    }
    if (t instanceof Type.Record r) {
      return switch (r.kind()) {
        case "unit" -> UNIT_MEMBERS;
        case "explain", "placement" -> ESTIMATE;
        default -> null;
      };
    }
    return null;
  }

  private static <T> Member<T> m(
      String name, Type type, BiFunction<KnowledgeBase, T, Object> read) {
    return new Member<>(name, type, read);
  }
}
