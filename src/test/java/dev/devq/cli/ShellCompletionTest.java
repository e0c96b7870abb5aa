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
    assertEquals(List.of("list", "budgets devices models ops socs sources"), sortedWords(out));
  }

  @Test
  void bashCompletesIdsWhereAnIdOrAQueryIsExpectedAndFilesWhereAFileIs() throws Exception {
    Path script = script("bash");
    Files.createFile(dir.resolve("review.devq"));
    String out =
        shell(
            "bash",
            "cd "
                + dir
                + "; source "
                + script
                + "; for line in 'info a1' 'explain resnet1' 'check rev' 'info rev'; do"
                + " COMP_WORDS=(devq $line); COMP_CWORD=2;"
                + " _complete_devq 2>/dev/null; echo \"${COMPREPLY[*]}\"; done");
    assertEquals(
        List.of(
            "a11 a12 a12x a12z a13 a14 a15 a16 a17_pro a18 a18_pro a19 a19_pro",
            "resnet101 resnet152 resnet18",
            "review.devq",
            "reverse reverse_sequence"),
        sortedWords(out));
  }

  @Test
  void zshLoadsTheScript() throws Exception {
    Path script = script("zsh");
    assertTrue(shell("zsh", "source " + script + " && echo loaded").contains("loaded"));
  }

  @Test
  void zshCompletesIds() throws Exception {
    Path script = script("zsh");
    // what zsh's bashcompinit does around the function: sh emulation, words from 0
    String out =
        shell(
            "zsh",
            "source "
                + script
                + "; t() { emulate -L sh; setopt kshglob noshglob braceexpand;"
                + " COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); _complete_devq 2>/dev/null;"
                + " echo \"${COMPREPLY[@]}\"; }; t devq info a1");
    assertTrue(List.of(out.strip().split(" ")).containsAll(List.of("a16", "a17_pro")), out);
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
  void fishCompletesFilesWhereAFileIsExpectedAndIdsWhereAnIdIs() throws Exception {
    Path script = script("fish");
    Files.createFile(dir.resolve("review.devq"));
    Files.createFile(dir.resolve("a1.csv"));
    String out =
        shell(
            "fish",
            "cd "
                + dir
                + "; source "
                + script
                + "; for line in 'check rev' 'info rev' 'validate a1' 'info a1' 'explain resnet1' 'eval --format '"
                + "; echo \"[$line]\"; complete -C \"devq $line\"; end");
    assertEquals(
        List.of(
            "[check rev] review.devq",
            "[info rev] reverse reverse_sequence",
            "[validate a1] a1.csv",
            "[info a1] a11 a12 a12x a12z a13 a14 a15 a16 a17_pro a18 a18_pro a19 a19_pro",
            "[explain resnet1] resnet101 resnet152 resnet18",
            "[eval --format ] csv json markdown text"),
        sections(out));
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

  /** Each {@code [line]} header fish echoed, followed by its candidates' words, sorted. */
  private static List<String> sections(String out) {
    List<String> sections = new java.util.ArrayList<>();
    for (String section : out.strip().split("\n(?=\\[)")) {
      List<String> lines = section.lines().toList();
      sections.add(
          lines.get(0)
              + " "
              + String.join(
                  " ",
                  lines.subList(1, lines.size()).stream()
                      .map(l -> l.split("\t")[0])
                      .sorted()
                      .toList()));
    }
    return sections;
  }

  private static List<String> sortedWords(String out) {
    return out.lines()
        .map(l -> String.join(" ", java.util.Arrays.stream(l.split(" ")).sorted().toList()))
        .toList();
  }
}
