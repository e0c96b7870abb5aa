package dev.devq.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything devq knows, loaded and validated: immutable, safe to share between threads.
 *
 * <p>Lookups are by exact id; names, aliases and typos go through the search index. {@link
 * #version()} is a hash of every profile file read, so results written into a review document can
 * tell when the knowledge base changed under them.
 */
public final class KnowledgeBase {
  private final Map<String, Soc> socs;
  private final Map<String, Device> devices;
  private final Map<String, Op> ops;
  private final Map<String, ModelProfile> models;
  private final Map<String, Source> sources;
  private final Map<String, NamedQuantity> budgets;
  private final Map<String, NamedQuantity> constants;
  private final Map<String, Entity> byId;
  private final Map<String, Entity> byAlias;
  private final Calibration calibration;
  private final Calibration runtimeCalibration;
  private final String version;

  /** SoC id → the OS platforms its devices run ({@link FormFactor#platform()}). */
  private final Map<String, java.util.Set<String>> platforms;

  /**
   * Device id → the part it ships, variant resolved once here: a hole or quantifier over every
   * target asks for it per target on every ask, and matching a variant builds its parameters.
   */
  private final Map<String, Soc> shipped;

  KnowledgeBase(
      Collection<Soc> socs,
      Collection<Device> devices,
      Collection<Op> ops,
      Collection<ModelProfile> models,
      Collection<Source> sources,
      Collection<NamedQuantity> budgets,
      Collection<NamedQuantity> constants,
      Calibration calibration,
      Calibration runtimeCalibration,
      String version) {
    this.socs = index(socs, Soc::id);
    this.devices = index(devices, Device::id);
    this.ops = index(ops, Op::id);
    this.models = index(models, ModelProfile::id);
    this.sources = index(sources, Source::id);
    this.budgets = index(budgets, NamedQuantity::id);
    this.constants = index(constants, NamedQuantity::id);
    this.calibration = calibration;
    this.runtimeCalibration = runtimeCalibration;
    this.version = version;
    Map<String, Entity> ids = new LinkedHashMap<>();
    Map<String, Entity> aliases = new LinkedHashMap<>();
    for (Entity e : entities()) {
      ids.put(e.id(), e);
      for (String alias : e.aliases()) {
        aliases.put(alias.toLowerCase(Locale.ROOT), e);
      }
      aliases.put(e.name().toLowerCase(Locale.ROOT), e);
    }
    this.byId = Map.copyOf(ids);
    this.byAlias = Map.copyOf(aliases);
    Map<String, java.util.Set<String>> runs = new java.util.HashMap<>();
    for (Device d : this.devices.values()) {
      runs.computeIfAbsent(d.soc(), k -> new java.util.TreeSet<>()).add(d.formFactor().platform());
    }
    runs.replaceAll((k, v) -> java.util.Set.copyOf(v));
    this.platforms = Map.copyOf(runs);
    Map<String, Soc> parts = new java.util.HashMap<>();
    for (Device d : this.devices.values()) {
      Soc part = shippedPart(d);
      if (part != null) {
        parts.put(d.id(), part);
      }
    }
    this.shipped = Map.copyOf(parts);
  }

  /**
   * Whether some device with this chip runs OS {@code platform} ({@code ios} or {@code macos}, as
   * {@link OsVersion#platform()} names it): an A16 runs no macOS, an M1 Pro (only in Macs) no iOS,
   * an M1 (also in iPads) iPadOS, which counts as iOS. A chip no device names is not held back.
   */
  public boolean runsPlatform(Soc soc, String platform) {
    java.util.Set<String> run = platforms.get(soc.id());
    return run == null || run.contains(platform);
  }

  private static <T> Map<String, T> index(
      Collection<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> out = new LinkedHashMap<>();
    items.stream()
        .sorted(java.util.Comparator.comparing(id, NaturalOrder.INSTANCE))
        .forEach(i -> out.put(id.apply(i), i));
    return java.util.Collections.unmodifiableMap(out);
  }

  public Map<String, Soc> socs() {
    return socs;
  }

  public Map<String, Device> devices() {
    return devices;
  }

  public Map<String, Op> ops() {
    return ops;
  }

  public Map<String, ModelProfile> models() {
    return models;
  }

  public Map<String, Source> sources() {
    return sources;
  }

  public Map<String, NamedQuantity> budgets() {
    return budgets;
  }

  /** Physical constants of the cost model ({@code constants.yaml}), each with a source. */
  public Map<String, NamedQuantity> constants() {
    return constants;
  }

  public Calibration calibration() {
    return calibration;
  }

  /** The fitted constants of llama.cpp and ExecuTorch ({@code calibration/runtimes.yaml}). */
  public Calibration runtimeCalibration() {
    return runtimeCalibration;
  }

  /** A hash of every profile file, for staleness checks of written results. */
  public String version() {
    return version;
  }

  /** Every entity: SoCs, devices, ops, models. */
  public List<Entity> entities() {
    List<Entity> all = new ArrayList<>();
    all.addAll(socs.values());
    all.addAll(devices.values());
    all.addAll(ops.values());
    all.addAll(models.values());
    return all;
  }

  /** An entity by exact id, or null. */
  public Entity entity(String id) {
    return byId.get(id);
  }

  /** An entity by exact id, name or alias (case-insensitive for names and aliases), or null. */
  public Entity lookup(String nameOrAlias) {
    Entity e = byId.get(nameOrAlias);
    return e != null ? e : byAlias.get(nameOrAlias.toLowerCase(Locale.ROOT));
  }

  /** The full part first, then the binned parts as its profile lists them; empty when unknown. */
  public List<Soc> variants(String socId) {
    Soc full = socs.get(socId);
    if (full == null) {
      return List.of();
    }
    List<Soc> out = new ArrayList<>();
    out.add(full);
    out.addAll(full.variants());
    return out;
  }

  /**
   * The part of SoC {@code id} with the given parameters ({@link Soc#PARAMETERS}): {@code
   * soc("m3_max", Map.of("gpu_cores", 30))} is the 30-core bin, no parameters the full part. Where
   * several parts match, the first of {@link #variants} wins (the full part, then the listed
   * order); empty when the SoC is unknown or no part has those values.
   */
  public java.util.Optional<Soc> soc(String id, Map<String, Integer> params) {
    return variants(id).stream().filter(s -> s.matches(params)).findFirst();
  }

  /** The SoC of a target: the SoC itself, or the variant a device ships. */
  public Soc socOf(Entity target) {
    if (target instanceof Soc s) {
      return s;
    }
    if (target instanceof Device d) {
      Soc part = devices.get(d.id()) == d ? shipped.get(d.id()) : null;
      return part != null ? part : shippedPart(d);
    }
    throw new IllegalArgumentException(target.id() + " is not a target");
  }

  private Soc shippedPart(Device d) {
    return soc(d.soc(), d.socVariant()).orElse(socs.get(d.soc()));
  }

  /** The device a target stands for: the device itself, or a SoC's typical device. */
  public Device deviceOf(Entity target) {
    if (target instanceof Device d) {
      return d;
    }
    if (target instanceof Soc s) {
      return devices.get(s.typicalDevice());
    }
    throw new IllegalArgumentException(target.id() + " is not a target");
  }
}
