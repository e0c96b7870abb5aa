package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion scripts load in their real shells and complete subcommands and option values. CI
 * installs bash, zsh and fish, so nothing is skipped there; elsewhere a missing shell skips its
 * case with the package to install.
 */
class ShellCompletionTest {
  @TempDir Path dir;

  @Test
  void bashCompletesSubcommandsAndKinds() throws Exception {
    Path script = script("bash");
    String out =
        shell(
            "bash",
            "source "
                + script
                + "; COMP_WORDS=(devq li); COMP_CWORD=1; _complete_devq 2>/dev/null; echo \"${COMPREPLY[@]}\";"
                + " COMP_WORDS=(devq list ''); COMP_CWORD=2; _complete_devq 2>/dev/null;"
                + " echo \"${COMPREPLY[@]}\"");
    assertEquals(List.of("list", "devices models ops socs"), sortedWords(out));
  }

  @Test
  void zshLoadsTheScript() throws Exception {
    Path script = script("zsh");
    assertTrue(shell("zsh", "source " + script + " && echo loaded").contains("loaded"));
  }

  @Test
  void fishCompletesSubcommandsAndOptionValues() throws Exception {
    Path script = script("fish");
    String out =
        shell(
            "fish",
            "source "
                + script
                + "; complete -C 'devq li'; complete -C 'devq list '; complete -C 'devq eval --for'");
    assertTrue(out.contains("list\tList the SoCs"), out);
    assertTrue(out.lines().toList().containsAll(List.of("devices", "models", "ops", "socs")), out);
    assertTrue(out.contains("--format\t"), out);
  }

  @Test
  void anUnknownShellIsBadInput() {
    var err = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter()));
    cmd.setErr(new PrintWriter(err));
    assertEquals(ExitCodes.BAD_INPUT, cmd.execute("completion", "tcsh"));
    assertTrue(
        err.toString().contains("devq: SHELL is bash, zsh or fish, found 'tcsh'"), err.toString());
  }

  /** The common options after the command name, as every other command accepts them. */
  @Test
  void takesTheCommonOptionsAfterItsName() throws IOException {
    Path script = script("bash", "--no-color", "--profiles", "src/test/resources/fixtures");
    assertTrue(Files.readString(script).contains("_complete_devq"));
  }

  private Path script(String shell, String... options) throws IOException {
    var out = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    List<String> args = new ArrayList<>(List.of("completion", shell));
    args.addAll(List.of(options));
    assertEquals(ExitCodes.OK, cmd.execute(args.toArray(String[]::new)));
    Path file = dir.resolve("devq." + shell);
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private static String shell(String shell, String command) throws Exception {
    boolean present =
        List.of("/bin/" + shell, "/usr/bin/" + shell).stream()
            .anyMatch(p -> Files.isExecutable(Path.of(p)));
    assumeTrue(
        present || System.getenv("CI") != null,
        shell + " is not installed (apt-get install " + shell + "); skipped outside CI");
    Process p =
        new ProcessBuilder(shell, "-c", command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), shell + " did not finish");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static List<String> sortedWords(String out) {
    return out.lines()
        .map(l -> String.join(" ", java.util.Arrays.stream(l.split(" ")).sorted().toList()))
        .toList();
  }
}
