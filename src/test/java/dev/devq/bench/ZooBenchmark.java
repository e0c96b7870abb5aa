package dev.devq.bench;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.ProfileLoader;
import dev.devq.model.ModelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model zoo's load and shape-inference time (all zoo models load and infer shapes in under 200
 * ms together). {@code inferAllShapes} builds every zoo model from its parsed description: binding
 * parameters, expanding blocks and repeats, inferring shapes and counting work. {@code
 * loadZooAndInferAllShapes} first reads and validates the zoo's files (the model files and the
 * sources they cite). {@code loadProfilesAndInferAllShapes} reads every profile file (SoCs, devices
 * and the op catalog too), what a cold start pays in all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ZooBenchmark {
  private KnowledgeBase kb;
  private Path zooOnly;

  @Setup
  public void load() throws IOException {
    kb = loadKnowledgeBase(shipped());
    zooOnly = Files.createTempDirectory("devq-zoo");
    Files.createSymbolicLink(zooOnly.resolve("models"), shipped().resolve("models"));
    Files.createSymbolicLink(zooOnly.resolve("sources.yaml"), shipped().resolve("sources.yaml"));
  }

  @TearDown
  public void removeZooOnly() throws IOException {
    Files.delete(zooOnly.resolve("models"));
    Files.delete(zooOnly.resolve("sources.yaml"));
    Files.delete(zooOnly);
  }

  @Benchmark
  public long inferAllShapes() {
    return buildAll(kb);
  }

  @Benchmark
  public long loadZooAndInferAllShapes() {
    KnowledgeBase zoo = loadKnowledgeBase(zooOnly);
    return buildAll(zoo.models().values(), kb.ops().keySet());
  }

  @Benchmark
  public long loadProfilesAndInferAllShapes() {
    return buildAll(loadKnowledgeBase(shipped()));
  }

  private static Path shipped() {
    return Path.of(System.getProperty("devq.home", "."), "profiles").toAbsolutePath();
  }

  private static KnowledgeBase loadKnowledgeBase(Path root) {
    ProfileLoader.Result loaded = ProfileLoader.load(List.of(root));
    if (!loaded.ok()) {
      throw new IllegalStateException(loaded.diagnostics().get(0).message());
    }
    return loaded.knowledgeBase();
  }

  private static long buildAll(KnowledgeBase kb) {
    return buildAll(kb.models().values(), kb.ops().keySet());
  }

  private static long buildAll(Collection<ModelProfile> profiles, Set<String> ops) {
    long layers = 0;
    for (ModelProfile profile : profiles) {
      ModelBuilder.Result r = ModelBuilder.build(profile, Map.of(), ops);
      if (!r.ok()) {
        throw new IllegalStateException(profile.id() + ": " + r.diagnostics().get(0).message());
      }
      layers += r.model().layers().size();
    }
    return layers;
  }
}
