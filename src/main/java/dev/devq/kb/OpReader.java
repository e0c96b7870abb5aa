package dev.devq.kb;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the entries of {@code ops/*.yaml}. */
final class OpReader {
  static final List<String> CATEGORIES =
      List.of(
          "convolution",
          "pooling",
          "normalization",
          "activation",
          "linear",
          "attention",
          "elementwise",
          "reduction",
          "shape",
          "indexing",
          "resize",
          "embedding",
          "recurrent",
          "sorting",
          "control_flow",
          "custom",
          "quantization",
          "other");
  static final List<String> OP_CLASSES =
      List.of(
          "conv",
          "depthwise",
          "matmul",
          "elementwise",
          "normalization",
          "reduction",
          "data_movement",
          "gather",
          "recurrent",
          "control");

  private OpReader() {}

  static Op read(Fields f, List<Fact> facts) {
    String id = f.id("id");
    String name = f.id("name");
    String category = f.word("category", CATEGORIES, "");
    String opClass = f.word("op_class", OP_CLASSES, "");
    String description = f.text("description", "");
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    Fields a = f.object("aliases", false);
    if (a != null) {
      for (String eco : Op.ECOSYSTEMS) {
        aliases.put(eco, a.texts(eco));
        // {value: [...], source: ...}: a claim of its own source (an alias several ops share),
        // recorded so that the source is checked and devq info shows it
        if (a.raw(eco) instanceof YamlNode.Mapping) {
          a.fact(eco, String.join(", ", aliases.get(eco)));
        }
      }
      a.finish();
    }
    Map<ComputeUnit, Support> support = new EnumMap<>(ComputeUnit.class);
    Fields s = f.object("support", true);
    if (s != null) {
      for (ComputeUnit unit : ComputeUnit.values()) {
        Fields u = s.object(unit.key(), false);
        if (u != null) {
          support.put(unit, support(u, "op '" + id + "' support on " + unit.key()));
        }
      }
      s.finish();
    }
    f.finish();
    return new Op(
        id,
        name,
        category,
        opClass,
        description,
        aliases,
        support,
        f.defaults(),
        new ArrayList<>(facts),
        f.origin());
  }

  private static Support support(Fields u, String context) {
    String status = u.word("status", SupportStatus.keys(), "");
    String sinceSoc = "";
    String sinceOs = "";
    Fields since = u.object("since", false);
    if (since != null) {
      sinceSoc = since.text("soc", "");
      if (since.raw("soc") instanceof YamlNode.Scalar soc && !sinceSoc.isEmpty()) {
        u.problems().recordSocUse(soc, context);
      }
      sinceOs = since.text("os", "");
      since.finish();
    }
    Limits limits = limits(u.object("limits", false));
    List<Support.Note> notes = new ArrayList<>();
    for (Fields n : u.objects("notes", false)) {
      String text = n.id("text");
      notes.add(new Support.Note(text, n.defaults().source()));
      n.finish();
    }
    u.finish();
    SupportStatus parsed = SupportStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
    return new Support(parsed, sinceSoc, sinceOs, limits, notes, u.defaults());
  }

  private static Limits limits(Fields l) {
    if (l == null) {
      return Limits.NONE;
    }
    Map<String, String> sources = new HashMap<>();
    int kernel = sourced(l.integer("max_kernel", 1, false), "max_kernel", sources);
    int stride = sourced(l.integer("max_stride", 1, false), "max_stride", sources);
    int dilation = sourced(l.integer("max_dilation", 1, false), "max_dilation", sources);
    int rank = sourced(l.integer("max_rank", 1, false), "max_rank", sources);
    int dim = sourced(l.integer("max_dim", 1, false), "max_dim", sources);
    List<Integer> factors = new ArrayList<>();
    for (String factor : l.texts("scale_factors")) {
      try {
        factors.add(Integer.parseInt(factor));
      } catch (NumberFormatException e) {
        l.problems()
            .error(
                l.raw("scale_factors"),
                "scale factors must be whole numbers, found '" + factor + "'",
                "");
      }
    }
    // Lists and words carry no provenance of their own here: the block's source stands for them.
    sources.put("scale_factors", l.sourceOf("scale_factors"));
    String axis = l.word("axis", List.of("channel", "last", "any"), "any");
    sources.put("axis", l.sourceOf("axis"));
    String broadcast = l.word("broadcast", List.of("any", "constant_only"), "any");
    sources.put("broadcast", l.sourceOf("broadcast"));
    l.finish();
    return new Limits(kernel, stride, dilation, rank, dim, factors, axis, broadcast, sources);
  }

  private static int sourced(Sourced<Integer> n, String key, Map<String, String> sources) {
    if (n.present()) {
      sources.put(key, n.provenance().source());
    }
    return n.value();
  }
}
