package dev.devq.kb;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.Quantity;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that need every file: references resolve (device → SoC, SoC → typical device, op →
 * since-SoC, value → source) and no id or alias names two entities.
 */
final class CrossChecks {
  private final Problems problems;
  private final Map<String, Soc> socs;
  private final Map<String, Device> devices;
  private final Map<String, Op> ops;
  private final Map<String, ModelProfile> models;
  private final Map<String, Source> sources;
  private final OsReleases releases;

  CrossChecks(
      Problems problems,
      Map<String, Soc> socs,
      Map<String, Device> devices,
      Map<String, Op> ops,
      Map<String, ModelProfile> models,
      Map<String, Source> sources,
      OsReleases releases) {
    this.problems = problems;
    this.socs = socs;
    this.devices = devices;
    this.ops = ops;
    this.models = models;
    this.sources = sources;
    this.releases = releases;
  }

  void run() {
    for (YamlNode.Scalar use : problems.sourceUses()) {
      if (!sources.containsKey(use.text())) {
        problems.error(
            use,
            "unknown source '" + use.text() + "'",
            Suggestions.didYouMean(use.text(), sources.keySet()));
      }
    }
    for (Device d : devices.values()) {
      if (!socs.containsKey(d.soc())) {
        Fact socFact =
            d.facts().stream().filter(f -> f.path().equals("soc")).findFirst().orElse(null);
        Origin at = socFact == null ? d.origin() : socFact.origin();
        problems.error(
            at.source(),
            at.span(),
            "device '" + d.id() + "' names unknown SoC '" + d.soc() + "'",
            Suggestions.didYouMean(d.soc(), socs.keySet()));
      }
    }
    for (Device d : devices.values()) {
      knownFirstOs(d);
    }
    for (Device d : devices.values()) {
      Soc full = socs.get(d.soc());
      if (full != null && !d.socVariant().isEmpty() && !variantExists(full, d.socVariant())) {
        problems.error(
            d.origin().source(),
            d.origin().span(),
            "device '"
                + d.id()
                + "' ships no variant of '"
                + d.soc()
                + "' with "
                + SocParameter.describe(d.socVariant()),
            "the variants of " + d.soc() + " are: " + variantLabels(full));
      }
    }
    for (Soc s : socs.values()) {
      if (!devices.isEmpty() && !devices.containsKey(s.typicalDevice())) {
        problems.error(
            s.origin().source(),
            s.origin().span(),
            "SoC '" + s.id() + "' names unknown typical_device '" + s.typicalDevice() + "'",
            Suggestions.didYouMean(s.typicalDevice(), devices.keySet()));
      }
      memoryDevice(s);
    }
    for (Problems.SocUse use : problems.socUses()) {
      String soc = use.node().text();
      if (!socs.containsKey(soc)) {
        problems.error(
            use.node(),
            use.context() + " names unknown SoC '" + soc + "'",
            Suggestions.didYouMean(soc, socs.keySet()));
      }
    }
    for (Device d : devices.values()) {
      Soc soc = socs.get(d.soc());
      if (soc != null && !soc.thermal().isEmpty() && !soc.thermal().containsKey(d.formFactor())) {
        Fact form =
            d.facts().stream().filter(f -> f.path().equals("form_factor")).findFirst().orElse(null);
        Origin at = form == null ? d.origin() : form.origin();
        problems.error(
            at.source(),
            at.span(),
            "device '"
                + d.id()
                + "' is a "
                + d.formFactor().key()
                + " but SoC '"
                + soc.id()
                + "' has no thermal model for that form factor",
            "add thermal."
                + d.formFactor().key()
                + " to "
                + soc.origin().source().name()
                + " (it has "
                + String.join(
                    ", ", soc.thermal().keySet().stream().map(FormFactor::key).sorted().toList())
                + ")");
      }
    }
    uniqueNames();
    List<Entity> described = new java.util.ArrayList<>(socs.values());
    described.addAll(devices.values());
    described.addAll(models.values());
    EvidenceCheck.run(problems, sources, described, ops.values());
  }

  /**
   * A device's first_os is a release devq knows, as an os = argument must be: iOS 99 loaded, and
   * the device answered "it shipped with iOS 99" for every release devq does know.
   */
  private void knownFirstOs(Device d) {
    if (!d.firstOs().present()) {
      return;
    }
    var version = new OsVersion(OsLine.of(d.formFactor()).platform(), d.firstOs().value());
    releases
        .unknown(version)
        .ifPresent(
            u ->
                problems.add(
                    Diagnostic.error(
                            DiagnosticCode.PROFILE,
                            "'first_os': unknown OS release '" + version + "'",
                            d.firstOs().origin().source(),
                            d.firstOs().origin().span())
                        .withNote(u.reason())
                        .withNote(u.suggestion())));
  }

  /**
   * Ids, names and aliases share one namespace, case-insensitively, so every id and name means one
   * thing. An alias may be shared by several ops only: a framework's op that lowers to one of
   * several catalog ops (ONNX's Resize: an upsample, a nearest or a bilinear resize) names each,
   * and a lookup of it lists them all rather than picking one.
   */
  private void uniqueNames() {
    Map<String, Entity> seen = new HashMap<>();
    List<Entity> all = new java.util.ArrayList<>();
    all.addAll(socs.values());
    all.addAll(devices.values());
    all.addAll(ops.values());
    all.addAll(models.values());
    for (Entity e : all) {
      claim(seen, e.id(), e);
    }
    for (Entity e : all) {
      claim(seen, e.name(), e);
    }
    Map<String, Entity> aliases = new HashMap<>();
    for (Entity e : all) {
      for (String alias : e.aliases()) {
        Entity other = aliases.putIfAbsent(alias.toLowerCase(Locale.ROOT), e);
        if (other == null || other == e || !(other instanceof Op && e instanceof Op)) {
          claim(seen, alias, e);
        }
      }
    }
  }

  private void claim(Map<String, Entity> seen, String name, Entity owner) {
    String key = name.toLowerCase(Locale.ROOT);
    Entity previous = seen.putIfAbsent(key, owner);
    if (previous != null && previous != owner) {
      problems.error(
          owner.origin().source(),
          owner.origin().span(),
          "name '"
              + name
              + "' of "
              + owner.kind()
              + " '"
              + owner.id()
              + "' is already used by "
              + previous.kind()
              + " '"
              + previous.id()
              + "'",
          "defined at " + previous.origin().position());
    }
  }

  /**
   * A SoC's {@code memory_device} is a known device that ships it: the bare id reads its memory
   * figures, which another chip's device would not have.
   */
  private void memoryDevice(Soc s) {
    Sourced<String> named = s.memoryDevice();
    if (!named.present() || devices.isEmpty()) {
      return;
    }
    Device d = devices.get(named.value());
    if (d != null && d.soc().equals(s.id())) {
      return;
    }
    problems.error(
        named.origin().source(),
        named.origin().span(),
        "SoC '"
            + s.id()
            + "' reads its memory figures from "
            + (d == null
                ? "unknown memory_device '" + named.value() + "'"
                : "'" + named.value() + "', a device of " + d.soc()),
        d == null
            ? Suggestions.didYouMean(named.value(), devices.keySet())
            : "name a device that ships " + s.id());
  }

  private static boolean variantExists(Soc full, Map<String, Quantity> params) {
    return full.matches(params) || full.variants().stream().anyMatch(v -> v.matches(params));
  }

  private static String variantLabels(Soc full) {
    List<String> labels = new java.util.ArrayList<>();
    labels.add(full.label() + " (" + SocParameter.describe(full.parameters()) + ")");
    full.variants().forEach(v -> labels.add(v.label()));
    return String.join(", ", labels);
  }
}
