package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output that cannot be written is an I/O failure (exit 3), never a pass: {@code devq check
 * --format junit queries/ > devq.xml} on a full disk must not leave CI green with a truncated
 * report. {@code /dev/full} refuses every write.
 */
@EnabledOnOs(OS.LINUX)
class FullOutputTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "check --format junit queries/quickstart.devq",
        "eval 1+1",
        "list socs",
        "search gelu",
        "explain latency(mobilenet_v2,a16)",
        "completion bash"
      })
  void aRefusedWriteExitsThree(String args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.devq.cli.Main"));
    command.addAll(List.of(args.split(" ")));
    Process p = new ProcessBuilder(command).redirectOutput(new File("/dev/full")).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), args);
    assertEquals(3, p.exitValue(), err);
    assertTrue(err.contains("could not write the output"), err);
  }

  /**
   * A reader that stops reading ({@code devq explain … | head}) is no failure of devq's: it exited
   * 3 with "disk full?" whenever the reader closed the pipe before devq had written everything.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"list ops", "explain latency(mobilenet_v2,a16)"})
  void aReaderThatStopsReadingIsNoFailure(String args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.devq.cli.Main"));
    command.addAll(List.of(args.split(" ")));
    Process p = new ProcessBuilder(command).start();
    p.getInputStream().close(); // before devq writes a byte: every write of it fails
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), args);
    assertEquals(0, p.exitValue(), err);
    assertEquals("", err);
  }
}
