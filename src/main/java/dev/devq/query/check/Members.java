package dev.devq.query.check;

import dev.devq.lang.unit.Dimensions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members each kind of value has ({@code a16.bandwidth}, {@code resnet50.params}, {@code
 * a16.ane.tops_fp16}) and their types. A device also answers its SoC's members, so {@code
 * iphone_12.bandwidth} works.
 */
public final class Members {
  private static final Type COUNT = Type.quantity(Dimensions.NONE);
  private static final Map<String, Map<String, Type>> TABLE = build();

  private Members() {}

  /** The member's type, or null when the value has no such member. */
  public static Type of(Type target, String member) {
    if (target instanceof Type.Any
        || target instanceof Type.Record r && !TABLE.containsKey("record:" + r.kind())) {
      return Type.ANY;
    }
    Map<String, Type> members = TABLE.get(key(target));
    if (members == null) {
      return null;
    }
    Type t = members.get(member);
    if (t == null && target instanceof Type.Entity e && e.kind().equals("device")) {
      t = TABLE.get("soc").get(member);
    }
    return t;
  }

  /** Every member name of a type, for suggestions and completion. */
  public static List<String> names(Type target) {
    Map<String, Type> members = TABLE.get(key(target));
    if (members == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(members.keySet());
    if (target instanceof Type.Entity e && e.kind().equals("device")) {
      TABLE.get("soc").keySet().stream().filter(k -> !out.contains(k)).forEach(out::add);
    }
    return out;
  }

  private static String key(Type t) {
    if (t instanceof Type.Entity e) {
      return e.kind();
    }
    if (t instanceof Type.Model) {
      return "model";
    }
    if (t instanceof Type.Record r) {
      return "record:" + r.kind();
    }
    return "";
  }

  private static Map<String, Map<String, Type>> build() {
    Map<String, Map<String, Type>> t = new LinkedHashMap<>();
    Map<String, Type> soc = new LinkedHashMap<>();
    soc.put("id", Type.STR);
    soc.put("name", Type.STR);
    soc.put("year", COUNT);
    soc.put("process", Type.STR);
    soc.put("ane", new Type.Record("unit"));
    soc.put("gpu", new Type.Record("unit"));
    soc.put("cpu", new Type.Record("unit"));
    soc.put("memory_type", Type.STR);
    soc.put("bandwidth", Type.quantity(Dimensions.BANDWIDTH));
    soc.put("slc", Type.quantity(Dimensions.BYTES));
    soc.put("typical_device", new Type.Entity("device"));
    // a SoC stands for its typical device in estimates, so its GPU working set reads as the SoC's
    soc.put("gpu_working_set", Type.quantity(Dimensions.BYTES));
    soc.put("coreml_ane", Type.BOOL);
    soc.put("int8_fast_path", Type.BOOL);
    t.put("soc", soc);
    Map<String, Type> unit = new LinkedHashMap<>();
    unit.put("cores", COUNT);
    for (String peak :
        List.of("tops_fp16", "tops_int8", "tflops_fp16", "tflops_fp32", "gflops_fp32")) {
      unit.put(peak, Type.quantity(Dimensions.THROUGHPUT));
    }
    unit.put("power", Type.quantity(Dimensions.POWER));
    t.put("record:unit", unit);
    Map<String, Type> device = new LinkedHashMap<>();
    device.put("id", Type.STR);
    device.put("name", Type.STR);
    device.put("year", COUNT);
    device.put("soc", new Type.Entity("soc"));
    device.put("form_factor", Type.STR);
    device.put("ram", Type.quantity(Dimensions.BYTES));
    device.put("app_memory_limit", Type.quantity(Dimensions.BYTES));
    device.put("app_memory_limit_entitled", Type.quantity(Dimensions.BYTES));
    device.put("gpu_working_set", Type.quantity(Dimensions.BYTES));
    device.put("battery_mah", Type.quantity(Dimensions.CHARGE));
    device.put("battery_wh", Type.quantity(Dimensions.ENERGY));
    t.put("device", device);
    Map<String, Type> model = new LinkedHashMap<>();
    model.put("name", Type.STR);
    model.put("params", COUNT);
    model.put("macs", COUNT);
    model.put("flops", Type.quantity(Dimensions.OPERATIONS));
    model.put("size", Type.quantity(Dimensions.BYTES));
    model.put("layers", COUNT);
    model.put("peak_activations", Type.quantity(Dimensions.BYTES));
    model.put("kv_cache", Type.quantity(Dimensions.BYTES));
    model.put("top1", COUNT);
    model.put("reference_params", COUNT);
    model.put("reference_macs", COUNT);
    t.put("model", model);
    Map<String, Type> op = new LinkedHashMap<>();
    op.put("id", Type.STR);
    op.put("name", Type.STR);
    op.put("category", Type.STR);
    op.put("op_class", Type.STR);
    op.put("description", Type.STR);
    t.put("op", op);
    return Map.copyOf(t);
  }
}
