package dev.devq.cli;

import dev.devq.Devq;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
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
 * The first {@code :search} of an interactive REPL session, from the line to the printed answer: a
 * new process loads the session, runs the REPL's warm-up ({@link ReplWarmUp}, the engine's searches
 * and then the REPL's own lines) as it does while the user types, and the setup waits for it; then
 * one line runs through the REPL's commands, as the loop runs a line JLine has read, and prints
 * into a string. One search per JVM, so the figure is what the warm-up leaves for a first query,
 * not that of a JVM that has run the query before; JMH's summary over the forks gives min, median
 * (p0.50) and max. Not measured: JLine reading the line and the terminal writing the text.
 *
 * <p>Run: {@code bench/run ReplLineBenchmark} (10 queries × 5 new JVMs), or {@code bench/run -f 3
 * -p query=layrnorm ReplLineBenchmark}. {@code bench/run} forks each JVM with the launcher's flags
 * (C1 only), as the REPL runs; each fork prints what its warm-up cost, wall and CPU.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class ReplLineBenchmark {
  /**
   * A session after the warm-up. Each query is one the warm-ups do not ask (a phrase, a long
   * phrase, a typo, a category filter, a misspelt category, an OS option, a device, a model, an op
   * by an alias and a word that names nothing), so the session answers it anew, as the first search
   * the user types.
   */
  @State(Scope.Benchmark)
  public static class Warmed {
    @Param({
      "layer norm",
      "depthwise separable convolution",
      "layrnorm",
      "category:activation",
      "normalisation",
      "--os 'iOS 17' gelu",
      "iphone 15",
      "efficientnet b0",
      "torch.nn.Hardswish",
      "torch.nn.functional.frobnicate"
    })
    String query;

    /**
     * The line as the REPL's loop gets it from JLine, made here: concatenated in the measured
     * method, its first run linked a new string-concatenation call site (~0.2 ms of CPU), which the
     * benchmark measured as if the REPL spent it (docs/history/performance-log.md).
     */
    String line;

    ReplCommands commands;
    StringWriter printed;

    @Setup(Level.Trial)
    public void load() throws Exception {
      Devq devq = Devq.load();
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long wall = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      ReplWarmUp warmUp = ReplWarmUp.start(devq);
      warmUp.done().join();
      // What the warm-up costs the user's machine, printed with the fork's output.
      System.out.printf(
          Locale.ROOT,
          "warm-up: %.2f s wall, %.2f s CPU of the process (JIT threads included)%n",
          (System.nanoTime() - wall) / 1e9,
          (os.getProcessCpuTime() - cpu) / 1e9);
      line = ":search " + query;
      printed = new StringWriter();
      commands = new ReplCommands(new ReplState(devq), new PrintWriter(printed));
      // as the REPL does; the warm-up is done, so this readies them here and now
      warmUp.prepare(commands);
    }
  }

  /** The line {@code :search QUERY} run and printed. */
  @Benchmark
  public String firstSearchOfAWarmedSession(Warmed s) {
    s.commands.execute(s.line);
    return s.printed.toString();
  }
}
