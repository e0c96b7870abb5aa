package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Completion;
import dev.devq.DevqAssertions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a dumb terminal: sessions, continuation, commands, errors and completion of whole
 * lines.
 */
class ReplTest {
  @TempDir Path tmp;

  /** A finished session: what it printed and the state it ended in. */
  record Transcript(String output, ReplState state) {}

  static Transcript run(String input) throws IOException {
    return run(new ReplState(DevqAssertions.devq()), input);
  }

  static Transcript run(ReplState state, String input) throws IOException {
    return run(state, input, "dumb");
  }

  /**
   * {@link #run(ReplState, String)} on a terminal of {@code type}: with {@code xterm}, JLine reads
   * keys with its emacs bindings (Ctrl-A, a bracketed paste), which a dumb terminal does without.
   */
  static Transcript run(ReplState state, String input, String type) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var terminal =
        new DumbTerminal(
            "test",
            type,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            out,
            StandardCharsets.UTF_8)) {
      int code =
          InteractiveRepl.loop(state, InteractiveRepl.reader(terminal, state, null, false), false);
      assertEquals(ExitCodes.OK, code);
    }
    return new Transcript(out.toString(StandardCharsets.UTF_8), state);
  }

  /** How the REPL prints the value of a query, computed without the REPL. */
  private static String value(String query) {
    return DevqAssertions.devq().eval(query).outcomes().get(0).text(false);
  }

  @Test
  void letBindingsPersistAcrossInputs() throws IOException {
    Transcript t = run("let m = quantize(resnet50, w8a8)\nlatency(m, a17_pro, nominal)\n");
    assertTrue(t.output().contains("m = quantize(resnet50, w8a8)"), t.output());
    assertTrue(
        t.output().contains(value("latency(quantize(resnet50, w8a8), a17_pro, nominal)")),
        t.output());
    assertEquals(
        List.of("let m = quantize(resnet50, w8a8)", "latency(m, a17_pro, nominal)"),
        t.state().bindings.history());
  }

  @Test
  void unfinishedInputContinuesOnTheNextLine() throws IOException {
    Transcript t = run("latency(mobilenet_v2,\n  a16,\n  throttled)\n");
    assertTrue(t.output().contains(value("latency(mobilenet_v2, a16, throttled)")), t.output());
    assertEquals(1, t.state().bindings.history().size());
  }

  @Test
  void aFailedInputChangesNothing() throws IOException {
    Transcript t =
        run(
            "let m = quantize(resnet50, w8a8)\nlet m = mobilenet_v2; let x = latency(m, a71)\nsize(m)\n");
    assertTrue(t.output().contains(value("size(quantize(resnet50, w8a8))")), t.output());
    assertEquals(
        List.of("let m = quantize(resnet50, w8a8)", "size(m)"), t.state().bindings.history());
    assertFalse(t.state().bindings.binds("x"));
  }

  @Test
  void errorsHaveACaretUnderTheInputLine() throws IOException {
    String output = run("latency(mobilenet_v2, a71)\n").output();
    String caretLine =
        " ".repeat(InteractiveRepl.PROMPT.length() + "latency(mobilenet_v2, ".length()) + "^^^ ";
    assertTrue(output.contains(caretLine), output);
    assertTrue(output.contains("error[UNKNOWN_NAME]: unknown target 'a71'"), output);
  }

  @Test
  void saveWritesTheSuccessfulStatementsAndLoadRunsThem() throws IOException {
    Path file = tmp.resolve("session.devq");
    run(
        "let m = quantize(resnet50, w8a8)\nnot_a_name\nlatency(m, a17_pro) < 33ms\n:save "
            + file
            + "\n");
    assertEquals(
        "let m = quantize(resnet50, w8a8)\nlatency(m, a17_pro) < 33ms\n", Files.readString(file));
    Transcript t = run(":load " + file + "\nsize(m)\n");
    assertTrue(t.output().contains("loaded 2 statements from " + file), t.output());
    assertTrue(t.output().contains("PASS"), t.output());
    assertTrue(t.output().contains(value("size(quantize(resnet50, w8a8))")), t.output());
  }

  @Test
  void saveIntoADirectoryOrAMissingOneSaysWhyWithoutTheTemporaryFile() throws IOException {
    // was "cannot write DIR: DIR/.devq-save123.tmp -> DIR: Is a directory"; an empty one was
    // replaced by the file
    Path dir = Files.createDirectories(tmp.resolve("empty.devq"));
    Transcript t = run("1 + 1\n:save " + dir + "\n:save " + tmp.resolve("gone/s.devq") + "\n");
    assertTrue(
        t.output().contains("devq: cannot write " + dir + ": it is a directory"), t.output());
    assertTrue(Files.isDirectory(dir));
    assertTrue(
        t.output()
            .contains(
                "devq: cannot write "
                    + tmp.resolve("gone/s.devq")
                    + ": the directory "
                    + tmp.resolve("gone")
                    + " does not exist"),
        t.output());
    assertFalse(t.output().contains(".tmp"), t.output());
  }

  /**
   * :save review.md replaced the document with the session's statements; a saved file was readable
   * by its owner only (the temporary file's rw-------), and a link was replaced by a file.
   */
  @Test
  void saveWritesOnlyQueryFilesReadableByAllAndThroughLinks() throws IOException {
    Path review = tmp.resolve("review.md");
    Files.writeString(review, "# Review\n");
    Path target = tmp.resolve("shared.devq");
    Files.writeString(target, "1 < 2\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link.devq"), target);
    Path fresh = tmp.resolve("fresh.devq");
    Transcript t =
        run("let x = 1\n:save " + review + "\n:save --force " + link + "\n:save " + fresh + "\n");
    assertTrue(
        t.output().contains("devq: :save writes a query file, named FILE.devq, found " + review),
        t.output());
    assertEquals("# Review\n", Files.readString(review));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("let x = 1\n", Files.readString(target));
    assertEquals(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"),
        Files.getPosixFilePermissions(fresh));
  }

  /** :save over an existing file replaced it without a word. */
  @Test
  void saveRefusesAnExistingFileUnlessForced() throws IOException {
    Path file = Files.writeString(tmp.resolve("kept.devq"), "1 < 2\n");
    Transcript t = run("let x = 1\n:save " + file + "\n");
    assertTrue(
        t.output().contains("devq: " + file + " exists; ':save --force " + file + "' replaces it"),
        t.output());
    assertEquals("1 < 2\n", Files.readString(file));
    run("let y = 2\n:save -f " + file + "\n");
    assertEquals("let y = 2\n", Files.readString(file));
  }

  @Test
  void loadWithAnErrorKeepsNothing() throws IOException {
    Path file = tmp.resolve("broken.devq");
    Files.writeString(file, "let a = mobilenet_v2\nlet b = latency(a, a71)\n");
    Transcript t = run(":load " + file + "\n");
    assertTrue(t.output().contains("nothing of " + file + " was loaded"), t.output());
    assertTrue(t.state().bindings.names().isEmpty());
  }

  @Test
  void sharedCommandsPrintWhatTheCliPrints() throws IOException {
    var cliOut = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(cliOut));
    assertEquals(ExitCodes.OK, cli.execute("info", "a16"));
    String output = run(":info a16\n").output();
    assertTrue(output.contains(cliOut.toString().strip()), output);
  }

  @Test
  void explainSeesTheSessionsBindings() throws IOException {
    String output = run("let m = mobilenet_v2\n:explain latency(m, a16, throttled)\n").output();
    assertTrue(output.contains("total"), output);
    assertFalse(output.contains("error["), output);
  }

  @Test
  void formatJsonAppliesToQueriesAndCommands() throws IOException {
    String output = run(":format json\nsize(mobilenet_v2)\n:list socs\n").output();
    assertTrue(output.contains("\"unit\""), output);
    assertTrue(output.contains("\"id\": \"a16\""), output);
    assertTrue(
        run(":format yaml\n").output().contains("the format is text, json, csv or markdown"));
  }

  @Test
  void formatCsvAndMarkdownPrintTablesAndOneRowTables() throws IOException {
    String table = "table r in [160, 224]: r, latency(mobilenet_v2(resolution = r), a16)\n";
    String csv = run(":format csv\n" + table + "size(mobilenet_v2)\n").output();
    assertTrue(csv.contains("r,\"latency(mobilenet_v2(resolution = r), a16) (µs)\"\r\n160,"), csv);
    assertTrue(csv.contains("size(mobilenet_v2) (MB)\r\n7.009744\r\n"), csv);
    String markdown = run(":format markdown\n" + table).output();
    assertTrue(markdown.contains("| ---: | ---: |\n| 160 | "), markdown);
  }

  private static final String LEFT_OUT =
      "1 model cannot run on mac_mini_m1: mobilenet_v2; no Mac with the M1 runs iOS or iPadOS";

  private static final String WHERE_IOS =
      "[d in [iphone_12, mac_mini_m1] where latency(mobilenet_v2, d, os = \"iOS 18\") < 5ms]\n";

  /** What a list left out because it cannot run is said in every format, as eval says it. */
  @Test
  void everyFormatSaysWhatWasLeftOut() throws IOException {
    assertEveryFormatSaysWhatWasLeftOut(WHERE_IOS, "[iphone_12]", "value");
  }

  /** A binding says what its value left out, in every format, as a value shown does. */
  @Test
  void everyFormatSaysWhatALetLeftOut() throws IOException {
    assertEveryFormatSaysWhatWasLeftOut("let ok = " + WHERE_IOS, "ok = [iphone_12]", "let");
  }

  private static void assertEveryFormatSaysWhatWasLeftOut(
      String input, String text, String jsonKind) throws IOException {
    assertEachFormatShows(
        input,
        text + "\n" + LEFT_OUT,
        List.of("\"kind\": \"" + jsonKind + "\"", "\"cause\": \"other_platform\""),
        "iphone_12\r\n# " + LEFT_OUT + "\r\n",
        "| iphone_12 |\n\n" + LEFT_OUT + "\n");
  }

  /** A table cell whose row failed says why in every format of the REPL, as eval says it. */
  @Test
  void everyFormatSaysWhyARowFailed() throws IOException {
    String line =
        "unknown where r = 0: model parameter 'resolution' must be a number above 0, found 0";
    // the column is in µs: text rounds to three digits what CSV gives in full
    double us =
        dev.devq.DevqAssertions.quantity("latency(mobilenet_v2(resolution = 224), a16)").value()
            * 1e6;
    String shown = dev.devq.lang.unit.QuantityFormat.number(us);
    String full =
        dev.devq.lang.unit.QuantityFormat.decimal(us).stripTrailingZeros().toPlainString();
    assertEachFormatShows(
        "table r in [0, 224]: r, latency(mobilenet_v2(resolution = r), a16)\n",
        shown + "\n" + line,
        List.of("\"text\": \"" + line + "\""),
        "224," + full + "\r\n# " + line + "\r\n",
        "| 224 | " + shown + " |\n\n" + line + "\n");
  }

  /** {@code input}'s output in each of the REPL's formats holds what that format should show. */
  private static void assertEachFormatShows(
      String input, String text, List<String> json, String csv, String markdown)
      throws IOException {
    String plain = run(input).output();
    assertTrue(plain.contains(text), plain);
    String asJson = run(":format json\n" + input).output();
    json.forEach(part -> assertTrue(asJson.contains(part), asJson));
    String asCsv = run(":format csv\n" + input).output();
    assertTrue(asCsv.contains(csv), asCsv);
    String asMarkdown = run(":format markdown\n" + input).output();
    assertTrue(asMarkdown.contains(markdown), asMarkdown);
  }

  @Test
  void helpKnowsFunctionsCommandsAndTopics() throws IOException {
    String output = run(":help\n:help latency\n:help info\n:help units\n:help latncy\n").output();
    assertTrue(output.contains(":explain"), output);
    assertTrue(output.contains("latency(model, target, state = nominal"), output);
    assertTrue(output.contains("Usage: :info"), output);
    assertTrue(output.contains("GB"), output);
    assertTrue(output.contains("no help on 'latncy'; did you mean 'latency'?"), output);
  }

  @Test
  void unknownCommandsAndBadArgumentsAreReported() throws IOException {
    String output = run(":lst socs\n:list things\n").output();
    assertTrue(output.contains("unknown command ':lst'; did you mean ':list'?"), output);
    assertTrue(output.contains("try ':help list'"), output);
  }

  /** A typo in a choice gets the nearest one, worded as a typo in a query is. */
  @Test
  void misspeltChoicesGetTheNearest() throws IOException {
    String output =
        run(":format jsn\n:list device\n:explain --group blok resnet50\n:search --limt 2 gelu\n")
            .output();
    assertTrue(
        output.contains(
            "the format is text, json, csv or markdown, found 'jsn'; did you mean 'json'?"),
        output);
    assertTrue(
        output.contains(
            "KIND is socs, devices, models, ops, budgets or sources, found 'device'\ndid you mean 'devices'?\n"
                + "try ':help list'"),
        output);
    assertTrue(
        output.contains("--group takes op, unit or block, found 'blok'\ndid you mean 'block'?"),
        output);
    assertTrue(output.contains("Possible solutions: --limit\ntry ':help search'"), output);
  }

  @Test
  void quitEndsTheSession() throws IOException {
    Transcript t = run(":quit\nlet m = mobilenet_v2\n");
    assertTrue(t.state().quit);
    assertTrue(t.state().bindings.names().isEmpty());
  }

  @Test
  void parserAsksForMoreOnlyForUnfinishedQueries() {
    var parser = new ReplParser(new ReplCompletion(new ReplState(DevqAssertions.devq())));
    assertThrows(
        EOFError.class,
        () -> parser.parse("latency(mobilenet_v2,", 21, Parser.ParseContext.ACCEPT_LINE));
    assertEquals("a16)", parser.parse("a16)", 4, Parser.ParseContext.ACCEPT_LINE).line());
    assertEquals(":help (", parser.parse(":help (", 7, Parser.ParseContext.ACCEPT_LINE).line());
    assertEquals(
        "a1", parser.parse("latency(mobilenet_v2, a1", 24, Parser.ParseContext.COMPLETE).word());
  }

  @Test
  void completesCommandsAndTheirArguments() {
    var completion = new ReplCompletion(new ReplState(DevqAssertions.devq()));
    assertEquals(List.of(":list", ":load"), words(completion.at(":l", 2)));
    assertEquals(List.of("devices"), words(completion.at(":list d", 7)));
    assertTrue(words(completion.at(":info layer_n", 13)).contains("layer_norm"));
    String explain = ":explain latency(mobilenet_v2, a1";
    Completion r = completion.at(explain, explain.length());
    assertEquals(":explain latency(mobilenet_v2, ".length(), r.start());
    assertTrue(words(r).contains("a19_pro"));
  }

  @Test
  void decoderFunctionsHaveHelpAndComplete() throws IOException {
    String output = run(":help ttft\n:help decode_rate\n").output();
    assertTrue(output.contains("ttft(model, target, state = nominal"), output);
    assertTrue(output.contains("tokens per second"), output);
    var completion = new ReplCompletion(new ReplState(DevqAssertions.devq()));
    assertTrue(words(completion.at("decode_r", 8)).contains("decode_rate"));
    String arg = "ttft(llama_3_8b, m3_max, runtime = ll";
    assertTrue(words(completion.at(arg, arg.length())).contains("llama_cpp"));
  }

  private static List<String> words(Completion r) {
    return r.candidates().stream().map(Completion.Candidate::word).toList();
  }

  @Test
  void historyLivesInTheStateDirectory() {
    assertEquals(
        Path.of("/state/devq/history"),
        ReplHistory.file(Map.of("XDG_STATE_HOME", "/state"), "/home/u"));
    assertEquals(
        Path.of("/home/u/.local/state/devq/history"), ReplHistory.file(Map.of(), "/home/u"));
    assertEquals(
        Path.of("/home/u/.local/state/devq/history"),
        ReplHistory.file(Map.of("XDG_STATE_HOME", "rel"), "/home/u"));
  }

  @Test
  void anUnusableHistoryDirectoryIsReportedNotFatal() throws IOException {
    Path blocker = Files.writeString(tmp.resolve("a-file"), "");
    ReplHistory.Location loc = ReplHistory.prepare(blocker.resolve("devq").resolve("history"));
    assertEquals(null, loc.file());
    assertTrue(loc.problem().startsWith("cannot create"), loc.problem());
    ReplHistory.Location ok = ReplHistory.prepare(tmp.resolve("state/devq/history"));
    assertEquals(tmp.resolve("state/devq/history"), ok.file());
    assertTrue(Files.isDirectory(tmp.resolve("state/devq")));
  }
}
