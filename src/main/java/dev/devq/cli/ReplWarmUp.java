package dev.devq.cli;

import dev.devq.Devq;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The REPL's own part of a {@code :search} line, warmed after the engine's searches ({@link
 * Devq#warmSearch}) on the same background thread: the words taken apart, the command made with or
 * without picocli (an option), the answer printed as text or JSON. The engine's warm-up compiles
 * the search and its rendering but never runs these classes, so a first {@code :search} ran them
 * interpreted, and with an option built picocli's command line for the first time
 * (docs/history/performance-log.md). The lines are asked on a session of their own, printing
 * nowhere; their answers are remembered by the facade after the first round, so the rounds that
 * follow run the REPL's code alone. Both stop at the user's first line.
 */
final class ReplWarmUp {
  /**
   * Every way a {@code :search} line runs: words alone (without picocli), each option (through
   * picocli), a device, a model, a miss, a refused option, and the same under {@code :format json}.
   */
  static final List<String> LINES =
      List.of(
          ":search softmax",
          ":search iphone 14 pro",
          ":search vit b16",
          ":search zqxwvk",
          ":search --os 'iOS 17' gelu",
          ":search --unit ane --soc a17_pro relu",
          ":search --limit 2 conv",
          ":search --os 'iOS 99x' gelu",
          ":format json",
          ":search softmax",
          ":search a18 pro",
          ":search --os 'macOS 15' gelu",
          ":format text");

  /**
   * Rounds of {@link #LINES}: 780 lines. The launcher runs the JVM with its first JIT tier only
   * (C1), which compiles a method once, after about 200 calls; 300 rounds were sized for C2's
   * thousands. The first line after 60 rounds took what it took after 300
   * (docs/history/performance-log.md), and the engine's searches before these cost most of the
   * warm-up's CPU.
   */
  static final int ROUNDS = 60;

  private volatile boolean stopped;

  /** Lines run so far; read by the test that the warm-up stops at the user's first line. */
  private volatile int linesRun;

  /** The engine's searches, which run first and stop with this. */
  final CompletableFuture<Void> engineWarmUp;

  private final CompletableFuture<Void> done;

  private ReplWarmUp(Devq devq) {
    engineWarmUp = devq.warmSearch();
    done = engineWarmUp.handle((ignored, failure) -> null).thenRun(() -> run(devq));
  }

  /**
   * Starts the engine's warm-up, then this one on the same thread when it ends; the index is opened
   * meanwhile, while the user types.
   */
  static ReplWarmUp start(Devq devq) {
    return new ReplWarmUp(devq);
  }

  /**
   * The user typed a line: no more warm-up searches or lines (the one running finishes), whatever
   * the line asks, so that it has the cores to itself.
   */
  void stop() {
    stopped = true;
    engineWarmUp.cancel(false);
  }

  /**
   * Once the warm-up has run or stopped, readies the session's own commands on its thread ({@link
   * ReplCommands#prepare}), so that a first {@code :search} with an option does not build them.
   */
  void prepare(ReplCommands session) {
    done.thenRun(session::prepare);
  }

  int linesRun() {
    return linesRun;
  }

  /** Completed when the warm-up has run or stopped. */
  CompletableFuture<Void> done() {
    return done;
  }

  private void run(Devq devq) {
    var commands =
        new ReplCommands(new ReplState(devq), new PrintWriter(Writer.nullWriter(), false));
    try {
      for (int round = 0; round < ROUNDS; round++) {
        for (String line : LINES) {
          if (stopped) {
            return;
          }
          commands.execute(line);
          linesRun++;
        }
      }
    } catch (RuntimeException e) {
      // The user's own line meets the same failure and reports it.
    }
  }
}
