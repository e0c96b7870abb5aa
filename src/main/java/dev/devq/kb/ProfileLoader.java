package dev.devq.kb;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.UserFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads profile directories into a {@link KnowledgeBase}. Later directories add to and override
 * earlier ones entity by entity (same id replaces), which is how {@code --profiles DIR} works.
 *
 * <p>Every error of every file is collected; the result is a knowledge base or the full list.
 */
public final class ProfileLoader {
  private final Problems problems = new Problems();
  private final Map<String, Soc> socs = new LinkedHashMap<>();
  private final Map<String, Device> devices = new LinkedHashMap<>();
  private final Map<String, Op> ops = new LinkedHashMap<>();
  private final Map<String, ModelProfile> models = new LinkedHashMap<>();
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final Map<String, NamedQuantity> budgets = new LinkedHashMap<>();
  private final Map<String, NamedQuantity> constants = new LinkedHashMap<>();
  private final List<OsRelease> releases = new ArrayList<>();
  private Calibration calibration = Calibration.NONE;
  private Calibration runtimeCalibration = Calibration.NONE;
  private final MessageDigest digest = sha256();

  private ProfileLoader() {}

  /** Loads the given roots in order; each holds any of sources.yaml, socs/, devices/, …. */
  public static Result load(List<Path> roots) {
    var loader = new ProfileLoader();
    for (Path root : roots) {
      loader.userRoot = root != roots.get(0);
      loader.loadRoot(root);
    }
    return loader.finish();
  }

  /**
   * Loads overlay roots on top of a knowledge base already loaded from the first root (the snapshot
   * of the shipped profiles): the result, version included, is the one {@link #load} gives for all
   * the roots, and only the overlays' files are read.
   */
  public static Result overlay(KnowledgeBase base, List<Path> overlays) {
    var loader = new ProfileLoader();
    loader.socs.putAll(base.socs());
    loader.devices.putAll(base.devices());
    loader.ops.putAll(base.ops());
    loader.models.putAll(base.models());
    loader.sources.putAll(base.sources());
    loader.budgets.putAll(base.budgets());
    loader.constants.putAll(base.constants());
    loader.releases.addAll(base.releases().known());
    loader.calibration = base.calibration();
    loader.runtimeCalibration = base.runtimeCalibration();
    loader.versionBefore = base.version();
    loader.userRoot = true;
    for (Path root : overlays) {
      loader.loadRoot(root);
    }
    return loader.finish();
  }

  /**
   * The version of the roots loaded before the current one, or null for the first. Each later root
   * hashes on top of it, so a snapshot of the first root plus overlays has the same version as
   * loading them all from YAML.
   */
  private String versionBefore;

  /**
   * Names files as {@code profiles/socs/a16.yaml}: relative to the root's parent, the same on every
   * machine; a file of a user's {@code --profiles} root as that root was written ({@code
   * my-profiles/devices/x.yaml}), so the name an error gives is one the user can open.
   */
  private Path root = Path.of("");

  /** Whether {@link #root} is a {@code --profiles} root, not the shipped profiles. */
  private boolean userRoot;

  private String displayName(Path path) {
    Path base = root.toAbsolutePath().normalize();
    Path abs = path.toAbsolutePath().normalize();
    if (userRoot && abs.startsWith(base)) {
      return root.resolve(base.relativize(abs)).toString();
    }
    Path name = base.getFileName() == null ? abs : base.getFileName().resolve(base.relativize(abs));
    return name.toString();
  }

  private void loadRoot(Path root) {
    if (versionBefore != null) {
      digest.update(versionBefore.getBytes(StandardCharsets.UTF_8));
    }
    this.root = root;
    if (!Files.isDirectory(root)) {
      problems.add(
          Diagnostic.error(
              DiagnosticCode.INPUT_FILE,
              "profile directory not found: "
                  + root
                  + (root.isAbsolute() ? "" : " (relative to the working directory)"),
              new SourceText(root.toString(), ""),
              Span.at(0)));
      return;
    }
    Map<String, List<Path>> yaml = ProfileTree.check(root, problems, this::displayName);
    file(
        root.resolve("sources.yaml"),
        f -> SourcesReader.read(f).forEach(s -> sources.put(s.id(), s)));
    file(
        root.resolve("budgets.yaml"),
        f -> NamedQuantityReader.read(f, "budgets").forEach(b -> budgets.put(b.id(), b)));
    file(
        root.resolve("constants.yaml"),
        f -> NamedQuantityReader.read(f, "constants").forEach(c -> constants.put(c.id(), c)));
    file(root.resolve("releases.yaml"), f -> releases.addAll(ReleasesReader.read(f)));
    for (Path p : yaml.getOrDefault("socs", List.of())) {
      file(p, f -> put(socs, SocReader.read(f, factsOf(f)), p));
    }
    for (Path p : yaml.getOrDefault("devices", List.of())) {
      file(
          p,
          f -> {
            for (Fields d : f.objects("devices", true)) {
              List<Fact> facts = new ArrayList<>();
              Device device = DeviceReader.read(d.asEntity(facts), facts);
              put(devices, device, p);
            }
            f.finish();
          });
    }
    for (Path p : yaml.getOrDefault("ops", List.of())) {
      file(
          p,
          f -> {
            for (Fields o : f.objects("ops", true)) {
              List<Fact> facts = new ArrayList<>();
              put(ops, OpReader.read(o.asEntity(facts), facts), p);
            }
            f.finish();
          });
    }
    for (Path p : yaml.getOrDefault("models", List.of())) {
      file(p, f -> put(models, ModelProfileReader.read(f, factsOf(f)), p));
    }
    for (Path p : yaml.getOrDefault("calibration", List.of())) {
      // runtimes.yaml holds the constants of llama.cpp and ExecuTorch, fitted on other data
      if (p.getFileName().toString().equals("runtimes.yaml")) {
        file(p, f -> runtimeCalibration = CalibrationReader.read(f));
      } else {
        file(p, f -> calibration = CalibrationReader.read(f));
      }
    }
    versionBefore = version();
  }

  /** The hash of what was read so far; the digest starts again for the next root. */
  private String version() {
    return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
  }

  /** Facts recorded for a whole-file entity live in the list the root Fields was created with. */
  private final Map<Fields, List<Fact>> rootFacts = new java.util.IdentityHashMap<>();

  private List<Fact> factsOf(Fields f) {
    return rootFacts.getOrDefault(f, new ArrayList<>());
  }

  private <E extends Entity> void put(Map<String, E> map, E entity, Path file) {
    if (entity.id().isEmpty()) {
      return;
    }
    if (!entity.id().matches("[a-z][a-z0-9_]*")) {
      problems.error(
          entity.origin().source(),
          entity.origin().span(),
          "id '" + entity.id() + "' must be snake_case (lower-case letters, digits and _)",
          "");
    }
    if (entity instanceof Soc || entity instanceof ModelProfile) {
      String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      if (!expected.equals(entity.id())) {
        problems.error(
            entity.origin().source(),
            entity.origin().span(),
            "id '" + entity.id() + "' does not match the file name '" + file.getFileName() + "'",
            "rename the file to " + entity.id() + ".yaml or change the id");
      }
    }
    // Within one directory an id names one entity; a later directory (an overlay) replaces it.
    String key = entity.kind() + ":" + entity.id();
    Path firstRoot = rootOf.put(key, root);
    E previous = map.put(entity.id(), entity);
    if (previous != null && root.equals(firstRoot)) {
      problems.error(
          entity.origin().source(),
          entity.origin().span(),
          "duplicate id '" + entity.id() + "'",
          "first defined at " + previous.origin().position());
    }
  }

  /** The profile directory each entity (by kind and id) was last read from. */
  private final Map<String, Path> rootOf = new java.util.HashMap<>();

  private interface FileBody {
    void read(Fields root);
  }

  private void file(Path path, FileBody body) {
    if (!Files.isRegularFile(path)) {
      return;
    }
    String text;
    try {
      if (Files.size(path) > YamlReader.MAX_BYTES) {
        // Not read at all: a hostile file must not cost memory. The excerpt is the first line only.
        problems.add(
            Diagnostic.error(
                    DiagnosticCode.PROFILE,
                    "file is larger than the "
                        + (YamlReader.MAX_BYTES >> 20)
                        + " MB a profile may have ("
                        + Files.size(path)
                        + " bytes)",
                    new SourceText(displayName(path), ""),
                    Span.at(0))
                .withNote("split it into several files"));
        return;
      }
      byte[] bytes = Files.readAllBytes(path);
      // an editor's byte-order mark is not part of the YAML
      text = UserFile.withoutBom(UserFile.decode(bytes));
      digest.update(path.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      digest.update(bytes);
    } catch (UserFile.Refused e) {
      problems.add(ProfileFileProblems.notText(displayName(path), e));
      return;
    } catch (IOException e) {
      problems.add(ProfileFileProblems.unreadable(displayName(path), e, "profile"));
      return;
    }
    SourceText source = new SourceText(displayName(path), text);
    YamlReader.Result parsed = YamlReader.read(source);
    if (!parsed.ok()) {
      problems.addAll(parsed.diagnostics());
      return;
    }
    List<Fact> facts = new ArrayList<>();
    Fields root = Fields.root(parsed.root(), problems, facts);
    if (root != null) {
      rootFacts.put(root, facts);
      body.read(root);
    }
  }

  private Result finish() {
    var osReleases = new OsReleases(releases);
    new CrossChecks(problems, socs, devices, ops, models, sources, osReleases).run();
    ValueSanity.check(
        problems, socs.values(), devices.values(), constants.values(), budgets.values());
    if (!problems.isEmpty()) {
      return new Result(null, problems.diagnostics());
    }
    String version = versionBefore == null ? version() : versionBefore;
    var kb =
        new KnowledgeBase(
            socs.values(),
            devices.values(),
            ops.values(),
            models.values(),
            sources.values(),
            budgets.values(),
            constants.values(),
            osReleases,
            calibration,
            runtimeCalibration,
            version);
    return new Result(kb, List.of());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A knowledge base, or every problem found. */
  public record Result(KnowledgeBase knowledgeBase, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return knowledgeBase != null;
    }
  }
}
