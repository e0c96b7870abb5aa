package dev.devq;

import dev.devq.kb.ProfileLoader;
import dev.devq.search.Synonyms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The build step that makes the knowledge-base snapshot ({@code exec-maven-plugin} runs it after
 * compiling): {@code SnapshotBuild PROFILES OUT}, the built zoo models beside {@code OUT}. Profiles
 * with errors get no snapshot (any old one is deleted): devq then loads the YAML and reports the
 * errors with their positions, as without a snapshot. It also writes the search's compiled synonyms
 * ({@link Synonyms#prebuilt}), whatever the profiles.
 */
public final class SnapshotBuild {
  private SnapshotBuild() {}

  /** Writes the snapshot of the profiles in {@code args[0]} to the file {@code args[1]}. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.deleteIfExists(out);
    Files.deleteIfExists(out.resolveSibling(Snapshot.MODELS_FILE));
    // the search's compiled synonyms, which depend on code, not on the profiles
    Path synonyms = out.resolveSibling("search").resolve(Synonyms.RESOURCE);
    Files.createDirectories(synonyms.getParent());
    Files.write(synonyms, Synonyms.prebuilt());
    ProfileLoader.Result loaded = ProfileLoader.load(List.of(root));
    if (!loaded.ok()) {
      return;
    }
    var kb = loaded.knowledgeBase();
    ModelValidation.Result models = ModelValidation.check(kb, kb.models().values());
    if (!models.diagnostics().isEmpty()) {
      return;
    }
    Files.createDirectories(out.getParent());
    Files.write(out, Snapshot.bytes(root, kb));
    Files.write(
        out.resolveSibling(Snapshot.MODELS_FILE), Snapshot.modelBytes(root, models.models()));
  }
}
