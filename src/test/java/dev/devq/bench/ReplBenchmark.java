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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The REPL's path, through the facade as the REPL calls it: a typed hole over every target asked in
 * a fresh session (each of its predictions made once) and again (from the session's prediction
 * cache), and the first search of a session, which opens the prebuilt index. The first search of an
 * interactive session, after the REPL's warm-up, is {@code dev.devq.cli.ReplLineBenchmark}.
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
}
