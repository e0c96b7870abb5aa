package dev.devq.kb;

import dev.devq.lang.unit.Quantity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
  private final OsReleases releases;

  /** Lower-case name or alias → the ids of the entities it names, in the order of kinds. */
  private final Map<String, List<String>> names;

  private final Calibration calibration;
  private final Calibration runtimeCalibration;
  private final String version;

  /**
   * SoC id → each OS platform its devices run ({@link FormFactor#platform()}) → the oldest release
   * any of them shipped with (0 where a device's profile gives none).
   */
  private final Deferred<Map<String, Map<String, Integer>>> platforms;

  private final Deferred<Map<String, List<Device>>> byChip;

  /**
   * Device id → the part it ships, variant resolved once here: a hole or quantifier over every
   * target asks for it per target on every ask, and matching a variant builds its parameters.
   */
  private final Deferred<Map<String, Soc>> shipped;

  /**
   * What layers above derive from this knowledge base alone, one of each kind, made on first use
   * and kept as long as it: the search's support grids, rendered once per op and set of options.
   */
  private final Map<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

  KnowledgeBase(
      Collection<Soc> socs,
      Collection<Device> devices,
      Collection<Op> ops,
      Collection<ModelProfile> models,
      Collection<Source> sources,
      Collection<NamedQuantity> budgets,
      Collection<NamedQuantity> constants,
      OsReleases releases,
      Calibration calibration,
      Calibration runtimeCalibration,
      String version) {
    this(
        made(socs, Soc::id),
        made(devices, Device::id),
        made(ops, Op::id),
        made(models, ModelProfile::id),
        made(sources, Source::id),
        budgets,
        constants,
        releases,
        null,
        calibration,
        runtimeCalibration,
        version);
  }

  /**
   * A knowledge base whose entities and sources are made when first read (the snapshot's), with the
   * table of names and aliases {@link #aliases()} gave when it was written, or null to make it from
   * the entities.
   */
  KnowledgeBase(
      Map<String, ? extends Supplier<Soc>> socs,
      Map<String, ? extends Supplier<Device>> devices,
      Map<String, ? extends Supplier<Op>> ops,
      Map<String, ? extends Supplier<ModelProfile>> models,
      Map<String, ? extends Supplier<Source>> sources,
      Collection<NamedQuantity> budgets,
      Collection<NamedQuantity> constants,
      OsReleases releases,
      Map<String, List<String>> names,
      Calibration calibration,
      Calibration runtimeCalibration,
      String version) {
    this.socs = index(socs);
    this.devices = index(devices);
    this.ops = index(ops);
    this.models = index(models);
    this.sources = index(sources);
    this.budgets = index(made(budgets, NamedQuantity::id));
    this.constants = index(made(constants, NamedQuantity::id));
    this.releases = releases;
    this.calibration = calibration;
    this.runtimeCalibration = runtimeCalibration;
    this.version = version;
    this.names = Map.copyOf(names != null ? names : NameTable.of(entities()));
    this.platforms = Deferred.by(this::platformsOfDevices);
    this.byChip = Deferred.by(this::devicesByChip);
    this.shipped = Deferred.by(this::shippedParts);
  }

  /**
   * The one {@code kind} of derived facts of this knowledge base, made by {@code make} on the first
   * ask. Nothing here changes, so what is derived from it never goes stale; {@code make} must not
   * ask for another derived kind.
   */
  public <T> T derived(Class<T> kind, java.util.function.Function<KnowledgeBase, T> make) {
    return kind.cast(derived.computeIfAbsent(kind, k -> make.apply(this)));
  }

  /**
   * Every name and alias, lower-cased, with the ids of the entities having it (SoCs, devices, ops,
   * then models): what resolving a name needs, without reading any entity.
   */
  public Map<String, List<String>> names() {
    return names;
  }

  /** The id of every entity: SoCs, devices, ops, then models. */
  public List<String> ids() {
    List<String> all = new ArrayList<>(socs.keySet());
    all.addAll(devices.keySet());
    all.addAll(ops.keySet());
    all.addAll(models.keySet());
    return all;
  }

  /** How many SoCs, devices, ops, models and sources have been decoded (tests of laziness). */
  int made() {
    int n = 0;
    for (Map<String, ?> m : List.of(socs, devices, ops, models, sources)) {
      n += ((DecodedOnUse<?>) m).made();
    }
    return n;
  }

  /**
   * Every device with chip {@code socId}, whatever bin of it the device ships, in id order: {@code
   * devicesWith("a14")} is the iPhone 12 family, the iPad Air (4th generation) and the iPad (10th
   * generation). Empty for a chip no device names.
   */
  public List<Device> devicesWith(String socId) {
    return byChip.get().getOrDefault(socId, List.of());
  }

  /**
   * The devices a chip's part is sold in: for the full part ({@code m4_max}, the bare id) every
   * device with the chip, as {@link #devicesWith(String)}; for a binned part ({@code
   * m4_max(gpu_cores = 32)}) those that ship it ({@link #socOf}), so its memory is read from
   * configurations sold with that part alone.
   */
  public List<Device> devicesWith(Soc part) {
    List<Device> all = devicesWith(part.id());
    if (part.variant().isEmpty()) {
      return all;
    }
    return all.stream().filter(d -> socOf(d).variant().equals(part.variant())).toList();
  }

  private Map<String, List<Device>> devicesByChip() {
    Map<String, List<Device>> out = new java.util.HashMap<>();
    devices.values().forEach(d -> out.computeIfAbsent(d.soc(), k -> new ArrayList<>()).add(d));
    out.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(out);
  }

  private Map<String, Map<String, Integer>> platformsOfDevices() {
    Map<String, Map<String, Integer>> runs = new java.util.HashMap<>();
    for (Device d : devices.values()) {
      int first = d.firstOs().present() ? d.firstOs().value() : 0;
      runs.computeIfAbsent(d.soc(), k -> new java.util.HashMap<>())
          .merge(d.formFactor().platform(), first, Math::min);
    }
    runs.replaceAll((k, v) -> Map.copyOf(v));
    return Map.copyOf(runs);
  }

  private Map<String, Soc> shippedParts() {
    Map<String, Soc> parts = new java.util.HashMap<>();
    for (Device d : devices.values()) {
      Soc part = shippedPart(d);
      if (part != null) {
        parts.put(d.id(), part);
      }
    }
    return Map.copyOf(parts);
  }

  /**
   * Whether some device with this chip runs OS {@code platform} ({@code ios} or {@code macos}, as
   * {@link OsVersion#platform()} names it): an A16 runs no macOS, an M1 Pro (only in Macs) no iOS,
   * an M1 (also in iPads) iPadOS, which counts as iOS. A chip no device names is not held back. The
   * part a device ships runs its own device's platform alone: an iMac's M1 runs no iOS.
   */
  public boolean runsPlatform(Soc soc, String platform) {
    if (!soc.platform().isEmpty()) {
      return soc.platform().equals(platform);
    }
    Map<String, Integer> run = platforms.get().get(soc.id());
    return run == null || run.containsKey(platform);
  }

  /**
   * The oldest release of OS {@code platform} a device with this part shipped with: the device's
   * own for the part it ships ({@link #socOf}), the oldest of its devices' for a chip (an A19's
   * iPhones all came with iOS 26). Empty where no profile says, or no device runs the platform.
   */
  public java.util.OptionalInt firstOs(Soc soc, String platform) {
    if (!soc.line().isEmpty()) {
      Integer own = soc.firstOs().get(soc.line());
      return own != null && soc.platform().equals(platform)
          ? java.util.OptionalInt.of(own)
          : java.util.OptionalInt.empty();
    }
    Map<String, Integer> run = platforms.get().get(soc.id());
    Integer first = run == null ? null : run.get(platform);
    return first == null || first == 0
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(first);
  }

  /** Each item by its id, already made. */
  private static <T> Map<String, Supplier<T>> made(
      Collection<T> items, java.util.function.Function<T, String> id) {
    Map<String, Supplier<T>> out = new LinkedHashMap<>();
    items.forEach(i -> out.put(id.apply(i), Deferred.of(i)));
    return out;
  }

  /** In the order of ids people count in ({@link NaturalOrder}); each value made on first use. */
  private static <T> Map<String, T> index(Map<String, ? extends Supplier<T>> items) {
    Map<String, Supplier<T>> out = new LinkedHashMap<>();
    items.keySet().stream().sorted(NaturalOrder.INSTANCE).forEach(id -> out.put(id, items.get(id)));
    return new DecodedOnUse<>(out);
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

  /** The major OS releases known, against which a condition's release is checked. */
  public OsReleases releases() {
    return releases;
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
    // the kinds in reverse: where two kinds shared an id, the last one listed was kept
    Entity e = models.get(id);
    if (e == null) {
      e = ops.get(id);
    }
    if (e == null) {
      e = devices.get(id);
    }
    return e != null ? e : socs.get(id);
  }

  /**
   * An entity by exact id, or by a name or alias (case-insensitive) that it alone has; null when
   * nothing has it or several ops share the alias ({@link #named} lists them).
   */
  public Entity lookup(String nameOrAlias) {
    Entity e = entity(nameOrAlias);
    if (e != null) {
      return e;
    }
    List<String> ids = named(nameOrAlias);
    return ids.size() == 1 ? entity(ids.get(0)) : null;
  }

  /**
   * The ids of the entities having this name or alias, case-insensitively, each once: several for
   * an alias ops share (ONNX's {@code Resize}), else at most one.
   */
  public List<String> named(String nameOrAlias) {
    return NameTable.named(names, nameOrAlias);
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
   * The part of SoC {@code id} with the given parameters ({@link SocParameter}): {@code
   * soc("m3_max", Map.of("gpu_cores", Quantity.number(30)))} is the 30-core bin, no parameters the
   * full part. Where several parts match, the first of {@link #variants} wins (the full part, then
   * the listed order); empty when the SoC is unknown or no part has those values.
   */
  public java.util.Optional<Soc> soc(String id, Map<String, Quantity> params) {
    return variants(id).stream().filter(s -> s.matches(params)).findFirst();
  }

  /** The SoC of a target: the SoC itself, or the variant a device ships. */
  public Soc socOf(Entity target) {
    if (target instanceof Soc s) {
      return s;
    }
    if (target instanceof Device d) {
      Soc part = devices.get(d.id()) == d ? shipped.get().get(d.id()) : null;
      return part != null ? part : shippedPart(d);
    }
    throw new IllegalArgumentException(target.id() + " is not a target");
  }

  private Soc shippedPart(Device d) {
    Soc part = soc(d.soc(), d.socVariant()).orElse(socs.get(d.soc()));
    return part == null ? null : part.shippedIn(d);
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
