package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code devq} in a real terminal through tmux ({@code send-keys}, {@code capture-pane}):
 * completion on Tab, bindings across inputs, continuation lines, a table in text and, after {@code
 * :format csv}, as CSV, and history that survives a restart. The REPL runs from the compiled
 * classes with a private home and state directory, on a private tmux server that is killed at the
 * end. Skipped only where tmux is not installed.
 */
class ReplTerminalTest {
  /** Generous: the JVM starts and loads the knowledge base on a busy machine. */
  private static final long START_MILLIS = 90_000;

  private static final long STEP_MILLIS = 20_000;

  @TempDir Path tmp;
  private static final AtomicInteger SERVERS = new AtomicInteger();

  // one tmux server per test: after kill-server the old server may still hold a shared socket
  // for a moment, and the next test's new-session then failed to start
  private final String socket =
      "devq-test-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();

  @Test
  void completesRemembersAndContinuesInARealTerminal() throws Exception {
    Path state = tmp.resolve("state");
    started();

    String listed =
        tabbed(
            "latency(mobilenet_v2, a1",
            "the SoCs a11 … a19_pro",
            pane -> pane.contains("a19_pro") && pane.contains("a11"),
            2);
    assertTrue(listed.contains("a16") && !listed.contains("iphone_"), listed);
    // a marketed name typed with spaces: Tab offers the devices it names, not units for its '15'
    String devices =
        tabbed(
            "latency(mobilenet_v2, iPhone 15 Pro",
            "the iPhone 15 Pro devices",
            pane -> pane.contains("iphone_15_pro_max") && pane.contains("iphone_15_pro "),
            3);
    assertTrue(!devices.contains("mAh") && !devices.contains("iphone_15_plus"), devices);

    keys("-l", "let m = quantize(resnet50, w8a8)");
    keys("Enter");
    waitFor("the binding", STEP_MILLIS, pane -> pane.contains("m = quantize(resnet50, w8a8)\n"));
    keys("-l", "latency(m, a17_pro, nominal)");
    keys("Enter");
    String expected =
        DevqAssertions.devq()
            .eval("latency(quantize(resnet50, w8a8), a17_pro, nominal)")
            .outcomes()
            .get(0)
            .text(false);
    waitFor("the latency " + expected, STEP_MILLIS, pane -> pane.contains("\n" + expected + "\n"));

    keys("-l", "latency(mobilenet_v2,");
    keys("Enter");
    waitFor(
        "the continuation prompt",
        STEP_MILLIS,
        pane -> pane.contains(InteractiveRepl.CONTINUATION));
    keys("-l", "a16, throttled)");
    keys("Enter");
    String hot =
        DevqAssertions.devq()
            .eval("latency(mobilenet_v2, a16, throttled)")
            .outcomes()
            .get(0)
            .text(false);
    waitFor("the latency " + hot, STEP_MILLIS, pane -> pane.contains("\n" + hot + "\n"));

    // a table, aligned; then the same table as CSV after ':format csv'
    String sweep = "table r in [160, 224]: r, latency(mobilenet_v2(resolution = r), a16)";
    var shown = DevqAssertions.devq().eval(sweep).outcomes().get(0);
    keys("-l", sweep);
    keys("Enter");
    String row = shown.text(false).lines().skip(2).findFirst().orElseThrow();
    waitFor("the table row " + row, STEP_MILLIS, pane -> pane.contains("\n" + row + "\n"));
    keys("-l", ":format csv");
    keys("Enter");
    waitFor("the format set", STEP_MILLIS, pane -> pane.contains("\nformat: csv\n"));
    keys("-l", sweep);
    keys("Enter");
    List<String> csv = shown.csv().lines().toList();
    waitFor(
        "the CSV " + csv,
        STEP_MILLIS,
        pane -> pane.contains("\n" + csv.get(0) + "\n" + csv.get(1) + "\n"));

    keys("-l", ":quit");
    keys("Enter");
    waitForExit();
    Path history = state.resolve("devq").resolve("history");
    assertTrue(
        Files.readString(history, StandardCharsets.UTF_8).contains("latency(m, a17_pro, nominal)"),
        "history file: " + history);

    start();
    waitFor(
        "the prompt after a restart", START_MILLIS, pane -> pane.contains(InteractiveRepl.PROMPT));
    keys("Up");
    waitFor(
        "the last input of the previous run",
        STEP_MILLIS,
        pane -> pane.contains(InteractiveRepl.PROMPT + ":quit"));
    keys("Enter");
    waitForExit();
  }

  /**
   * Ctrl-C during a long evaluation stopped the JVM (exit 130) with every binding; now it stops the
   * evaluation, says so, and the session goes on.
   */
  @Test
  void ctrlCStopsAnEvaluationAndKeepsTheSession() throws Exception {
    started();
    keys("-l", "let keep = 42");
    keys("Enter");
    waitFor("the binding", STEP_MILLIS, pane -> pane.contains("keep = 42\n"));
    // several minutes of predictions without the stop
    String sweep =
        "all d in devices: all m in models: all s in [nominal, fair, serious, critical,"
            + " sustained]: all b in [1, 2, 3, 4, 5, 6, 7, 8]: latency(m, d, s, batch = b) < 1h";
    keys("-l", sweep);
    keys("Enter");
    waitFor("the sweep echoed", STEP_MILLIS, pane -> pane.contains("batch = b) < 1h\n"));
    Thread.sleep(1_000);
    keys("C-c");
    waitFor(
        "the interruption said",
        STEP_MILLIS,
        pane -> pane.contains("\n" + InteractiveRepl.INTERRUPTED + "\n"));
    keys("-l", "keep + 1");
    keys("Enter");
    waitFor("the binding kept", STEP_MILLIS, pane -> pane.contains("\n43\n"));
  }

  /**
   * A line wider than the pane wraps on the screen; the caret line, as long, wrapped too and landed
   * after blank rows, under another row of the line. The caret is now under the row above it.
   */
  @Test
  void theCaretUnderAWrappedLineIsUnderTheRightText() throws Exception {
    started();
    String line = "[" + "iphone_12, ".repeat(14) + "foo, iphone_13]";
    keys("-l", line);
    keys("Enter");
    // the rows as the screen shows them, not joined where the terminal wrapped them
    String screen =
        waitFor("the error", STEP_MILLIS, false, pane -> pane.contains("error[UNKNOWN_NAME]"));
    List<String> rows = screen.lines().toList();
    int caret = rows.indexOf(rows.stream().filter(r -> r.contains("^^^")).findFirst().get());
    assertTrue(rows.get(caret - 1).contains("foo"), screen);
    assertTrue(
        rows.get(caret).indexOf("^^^") == rows.get(caret - 1).indexOf("foo"),
        "the caret is not under 'foo':\n" + screen);
  }

  /**
   * A bracketed paste of statements ending in a newline stopped at the continuation prompt; Ctrl-D
   * there listed every completion. The paste runs its lines; Ctrl-D drops the unfinished input, and
   * on an empty line leaves.
   */
  @Test
  void pastedLinesRunAndCtrlDDropsAContinuationOrLeaves() throws Exception {
    started();
    // -p: as a terminal pastes when the program asked for bracketed paste, as JLine does
    tmux("set-buffer", "-b", "statements", "let a = 20\nlet b = a + 1\n");
    tmux("paste-buffer", "-p", "-b", "statements", "-t", "repl");
    waitFor("the pasted lines run", STEP_MILLIS, pane -> pane.contains("\nb = 21\n"));
    keys("-l", "latency(mobilenet_v2,");
    keys("Enter");
    waitFor("the continuation", STEP_MILLIS, pane -> pane.contains(InteractiveRepl.CONTINUATION));
    int before = prompts(waitFor("the prompts", STEP_MILLIS, pane -> true));
    keys("C-d");
    String dropped = waitFor("a fresh prompt", STEP_MILLIS, pane -> prompts(pane) == before + 1);
    assertFalse(dropped.contains("possibilities"), dropped);
    keys("-l", "b * 2");
    keys("Enter");
    waitFor("the binding kept", STEP_MILLIS, pane -> pane.contains("\n42\n"));
    keys("C-d");
    waitForExit();
  }

  /** Starts the REPL and waits for its prompt; skipped where tmux is not installed. */
  private void started() throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        tmuxInstalled(),
        "tmux is not installed, so the REPL's terminal test cannot run "
            + "(install tmux; .ci/run does)");
    start();
    waitFor("the prompt", START_MILLIS, pane -> pane.contains(InteractiveRepl.PROMPT));
  }

  /** Ends the private tmux server and the REPL in it, whatever the test left running. */
  @AfterEach
  void killServer() throws IOException, InterruptedException {
    if (tmuxInstalled()) {
      tmux("kill-server");
    }
  }

  private void start() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        List.of(
            "new-session",
            "-d",
            "-s",
            "repl",
            "-x",
            "160",
            "-y",
            "50",
            "env",
            "HOME=" + tmp.resolve("home"),
            "XDG_STATE_HOME=" + tmp.resolve("state"),
            // The launcher's flags: a quick start matters more than peak speed here.
            java,
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            // budgets that let the long sweep run for minutes unless it is interrupted
            "-Ddevq.max.predictions=1000000000",
            "-Ddevq.max.steps=1000000000000",
            "-Ddevq.home=" + DevqAssertions.projectDir(),
            "-cp",
            classpath,
            "dev.devq.cli.Main");
    Files.createDirectories(tmp.resolve("home"));
    Result started = tmux(command.toArray(String[]::new));
    if (started.exit != 0) {
      fail("tmux could not start the REPL: " + started.output());
    }
  }

  private void keys(String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "repl"));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  /** Polls the pane until the condition holds, failing with the screen after the time limit. */
  private String waitFor(String what, long millis, Predicate<String> condition)
      throws IOException, InterruptedException {
    return waitFor(what, millis, true, condition);
  }

  /**
   * {@link #waitFor(String, long, Predicate)}, with the rows the terminal wrapped a line into
   * {@code joined} again, or as the screen shows them.
   */
  private String waitFor(String what, long millis, boolean joined, Predicate<String> condition)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    String pane = "";
    while (System.nanoTime() < deadline) {
      Result r = tmux("capture-pane", "-p", joined ? "-J" : "-N", "-S", "-200", "-t", "repl");
      if (r.exit != 0) {
        fail("the REPL ended while waiting for " + what + "; last screen:\n" + pane);
      }
      pane = r.output;
      if (condition.test(pane)) {
        return pane;
      }
      Thread.sleep(100);
    }
    fail("no " + what + " within " + millis + " ms; screen:\n" + pane);
    return pane;
  }

  /**
   * The screen once Tab after {@code line} lists what {@code listed} expects; then Ctrl-C drops the
   * line, and the screen shows {@code prompts} prompts.
   */
  private String tabbed(String line, String what, Predicate<String> listed, int prompts)
      throws Exception {
    keys("-l", line);
    keys("Tab");
    String pane = waitFor(what, STEP_MILLIS, listed);
    keys("C-c");
    // Ctrl-C arrives as a signal, so wait for the fresh prompt before typing on.
    waitFor("a fresh prompt", STEP_MILLIS, p -> prompts(p) == prompts);
    return pane;
  }

  private static int prompts(String pane) {
    return pane.split(java.util.regex.Pattern.quote(InteractiveRepl.PROMPT), -1).length - 1;
  }

  private void waitForExit() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_MILLIS);
    while (System.nanoTime() < deadline) {
      if (tmux("has-session", "-t", "repl").exit != 0) {
        return;
      }
      Thread.sleep(100);
    }
    fail("the REPL did not exit");
  }

  private record Result(int exit, String output) {}

  private Result tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("tmux " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static boolean tmuxInstalled() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
