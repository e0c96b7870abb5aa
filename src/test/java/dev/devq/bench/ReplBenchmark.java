package dev.devq.bench;

import dev.devq.Devq;
import dev.devq.SearchOptions;
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
 * The REPL's path, through the facade as the REPL calls it: a typed hole over every target asked in
 * a fresh session (each of its predictions made once) and again (from the session's prediction
 * cache), and the first search of a session, which opens the prebuilt index unless the REPL's
 * warm-up has opened it and run its searches.
 *
 * <p>Run: {@code bench/run ReplBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplBenchmark {
  static final String HOLE = "latency(resnet152, ?, throttled) < 4ms";
  static final SearchOptions SEARCH = new SearchOptions(null, null, null, 10);

  /** A session loaded once: the hole asked again is answered from its prediction cache. */
  @State(Scope.Benchmark)
  public static class Session {
    Devq devq;

    @Setup(Level.Trial)
    public void load() throws Exception {
      devq = Devq.load();
      devq.eval(HOLE);
    }
  }

  /** A new session for every call: nothing computed or opened yet. */
  @State(Scope.Thread)
  public static class Fresh {
    Devq devq;

    @Setup(Level.Invocation)
    public void load() throws Exception {
      devq = Devq.load();
    }
  }

  /**
   * A new process as the interactive REPL starts one: the session loaded, the index opened and the
   * warm-up's searches run on its thread while the user types, which the setup waits for. Each
   * query is one the warm-up does not ask (a phrase, a long phrase, a typo, a category filter, an
   * OS option after {@code --os}, a device, a model, an op by an alias and a word that names
   * nothing), so the session answers it anew, as the first search the user types.
   */
  @State(Scope.Benchmark)
  public static class Warmed {
    @Param({
      "layer norm",
      "depthwise separable convolution",
      "layrnorm",
      "category:activation",
      "gelu --os iOS 17",
      "iphone 15",
      "efficientnet b0",
      "torch.nn.Hardswish",
      "torch.nn.functional.frobnicate"
    })
    String query;

    Devq devq;
    String text;
    SearchOptions options;

    @Setup(Level.Trial)
    public void load() throws Exception {
      devq = Devq.load();
      devq.warmSearch().join();
      int os = query.indexOf(" --os ");
      text = os < 0 ? query : query.substring(0, os);
      options =
          os < 0
              ? SEARCH
              : new SearchOptions(null, null, query.substring(os + " --os ".length()), 10);
    }
  }

  @Benchmark
  public Object holeInAFreshSession(Fresh s) {
    return s.devq.eval(HOLE);
  }

  @Benchmark
  public Object holeAskedAgain(Session s) {
    return s.devq.eval(HOLE);
  }

  @Benchmark
  public Object firstSearchOfASession(Fresh s) {
    return s.devq.search("layer norm", SEARCH);
  }

  @Benchmark
  public Object searchAskedAgain(Session s) {
    return s.devq.search("layer norm", SEARCH);
  }

  /**
   * The user's first search, as the REPL prints it (text): one search per process, each in a new
   * JVM, so the figure is what the warm-up leaves for a first query, not that of a JVM that has
   * already run the query in earlier iterations. JMH's summary over the forks gives min, median
   * (p0.50) and max.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public Object firstSearchOfAWarmedSession(Warmed s) {
    return s.devq.search(s.text, s.options).render(false);
  }
}
