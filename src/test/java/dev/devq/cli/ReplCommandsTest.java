package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The REPL's {@code :} commands: what they take (options after a query, no {@code --profiles}), and
 * how a command line they refuse is answered: in devq's words, with the nearest fix.
 */
class ReplCommandsTest {
  private static String run(String input) throws IOException {
    return ReplTest.run(input).output();
  }

  /** --profiles was accepted and ignored, though :help offered it. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        ":list --profiles DIR models",
        ":info --profiles=DIR a16",
        ":search --profiles DIR gelu",
        ":explain --profiles DIR latency(mobilenet_v2, a16)",
        ":plot latency(mobilenet_v2, a16, after(t)) --over t in 0min..1min --profiles DIR"
      })
  void colonCommandsRefuseProfilesAndHelpDoesNotOfferThem(String line) throws IOException {
    String command = line.substring(1, line.indexOf(' '));
    String output = run(line + "\n:help " + command + "\n");
    assertTrue(
        output.contains(
            "devq: :"
                + command
                + " runs on the session's profiles and takes no --profiles; start devq with"
                + " --profiles DIR"),
        output);
    assertFalse(output.contains("profiles from DIR"), output);
    assertTrue(output.contains("Usage: :" + command), output);
  }

  /** ':explain EXPR --top 3' was refused ("unexpected 'top'") though the command line takes it. */
  @Test
  void explainTakesItsOptionsAfterTheQueryToo() throws IOException {
    String query = "latency(mobilenet_v2, iphone_12, os = \"iOS 18\")";
    String before = run(":explain --top 2 " + query + "\n");
    String after = run(":explain " + query + " --top 2\n");
    assertTrue(before.contains("shown      2 of "), before);
    assertEquals(before, after);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(m,   a16)  --top 3          | --top ~ 3 ~ -- ~ latency(m,   a16)
      --group op latency(m, a16) --top=2  | --group ~ op ~ --top=2 ~ -- ~ latency(m, a16)
      -- -latency(m, a16)                 | -- ~ -latency(m, a16)
      --top                               | --top
      """)
  void explainsWordsAreItsOptionsThenItsQueryAsTyped(String line, String args) {
    var spec = new CommandLine(new ExplainCommand()).getCommandSpec();
    assertEquals(List.of(args.split(" ~ ")), ReplArguments.withQuery(line, spec));
  }

  @Test
  void plotsOverTakesTheWordsUpToTheNextOption() {
    var spec = new CommandLine(new PlotCommand()).getCommandSpec();
    assertEquals(
        List.of(
            "--over", "r", "in", "[160, 224]", "-o", "a b.svg", "--", "size(m(resolution = r))"),
        ReplArguments.withQuery(
            "size(m(resolution = r)) --over r in [160, 224] -o 'a b.svg'", spec));
  }

  /** picocli's own words: "Missing required parameter: 'FILE'", "Invalid value for …". */
  @Test
  void refusedCommandLinesAreAnsweredInDevqsWords() throws IOException {
    String output = run(":load\n:list foo\n:list socs extra\n:explain --top x resnet50\n");
    assertTrue(output.contains("devq: :load needs FILE\ntry ':help load'\n"), output);
    assertTrue(
        output.contains(
            "devq: KIND is socs, devices, models, ops, budgets or sources, found 'foo'\ndid you mean 'ops'?\n"
                + "try ':help list'\n"),
        output);
    assertTrue(
        output.contains("devq: :list takes KIND and nothing more, found also 'extra'"), output);
    assertTrue(output.contains("devq: --top takes a whole number, found 'x'"), output);
    assertFalse(output.contains("Missing required") || output.contains("Invalid value"), output);
  }

  /** :save "" said "found " followed by nothing: the empty name was not named. */
  @Test
  void saveRefusesAnEmptyFileName() throws IOException {
    String output = run("let x = 1\n:save \"\"\n");
    assertTrue(
        output.contains(
            "devq: :save needs a file name, found an empty one, e.g. :save session.devq"),
        output);
  }

  /**
   * :load "" read the current folder: "cannot read : it is a directory, not a file", "nothing of
   * was loaded".
   */
  @ParameterizedTest
  @ValueSource(strings = {":load \"\"", ":load ' '"})
  void loadRefusesAnEmptyFileName(String line) throws IOException {
    String output = run(line + "\n");
    assertTrue(
        output.contains(
            "devq: :load needs a file name, found an empty one, e.g. :load queries/quickstart.devq"),
        output);
    assertFalse(output.contains("directory"), output);
  }

  /**
   * An empty name or search in the REPL suggested shell commands ("e.g. devq info a16"), which the
   * REPL does not run.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      :info ""             | e.g. :info a16; :list socs lists them
      :search ""           | e.g. :search layer norm
      :search --limit 3 '' | e.g. :search layer norm
      """)
  void emptyArgumentsAreAnsweredWithAReplExample(String line, String example) throws IOException {
    String output = run(line + "\n");
    assertTrue(output.contains(example), output);
    assertFalse(output.contains("devq info") || output.contains("devq search"), output);
  }

  /** ':info -V' printed nothing: a command had no version of its own. */
  @Test
  void everyCommandPrintsDevqsVersion() throws IOException {
    String output = run(":info -V\n");
    assertTrue(output.contains(InteractiveRepl.PROMPT + Main.VERSION + "\n"), output);
    var out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(ExitCodes.OK, cli.execute("list", "-V"));
    assertEquals(Main.VERSION, out.toString().strip());
  }

  @Test
  void aCommandWithoutItsColonIsPointedToIt() throws IOException {
    String output = run("quit\nexit()\nhelp\nlet help = 3\nhelp\n");
    assertTrue(
        output.contains(
            "devq: 'quit' is not a query; commands start with ':', did you mean ':quit'?"),
        output);
    assertTrue(
        output.contains("'exit()' is not a query; commands start with ':', did you mean ':quit'?"),
        output);
    assertTrue(
        output.contains("'help' is not a query; commands start with ':', did you mean ':help'?"),
        output);
    // a name the session binds is its value
    assertTrue(output.contains(InteractiveRepl.PROMPT + "3\n"), output);
  }
}
