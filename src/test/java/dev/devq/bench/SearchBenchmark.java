package dev.devq.bench;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ProfileLoader;
import dev.devq.search.Resolution;
import dev.devq.search.SearchIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Search latency (DESIGN.md: a search under 2 ms) and index build time (under 100 ms at start).
 * {@code search} is sampled per query so JMH reports the median (p0.50) of single searches; {@code
 * buildIndex} is single-shot in fresh JVMs, as at start.
 *
 * <p>Run: {@code bench/run SearchBenchmark}.
 */
@Fork(1)
public class SearchBenchmark {
  /** The shipped index and the queries of every kind the CLI and the language send. */
  @State(Scope.Benchmark)
  public static class Queries {
    @Param({
      "layer norm",
      "torch.nn.LayerNorm",
      "layrnorm",
      "sdpa",
      "dilated conv",
      "category:normalization gelu",
      "iphone 15 pro"
    })
    public String query;

    SearchIndex index;

    @Setup(Level.Trial)
    public void load() throws Exception {
      index = DevqAssertions.engine(Devq.load()).index();
    }
  }

  /**
   * The shipped knowledge base, loaded without an index, so the build below is the first of its
   * JVM.
   */
  @State(Scope.Benchmark)
  public static class Catalog {
    KnowledgeBase kb;

    @Setup(Level.Trial)
    public void load() {
      Path profiles = Path.of(System.getProperty("devq.home", ".")).resolve("profiles");
      kb = ProfileLoader.load(List.of(profiles)).knowledgeBase();
    }
  }

  /** One keyword search over ops, as {@code devq search} and {@code search "…"} run it. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int search(Queries q) {
    return q.index.search(q.query, List.of("op"), 5).size();
  }

  /** Resolving a quoted name, as the checker does for {@code "iPhone 15 Pro"}. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Resolution resolve(Queries q) {
    return q.index.resolve(q.query, List.of(), true);
  }

  /**
   * Building the index from a loaded knowledge base, as {@code Devq.load} does at every start: one
   * build per fresh JVM, so the figure includes class loading and a cold JIT.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 10)
  public SearchIndex buildIndex(Catalog c) {
    return SearchIndex.build(c.kb);
  }
}
