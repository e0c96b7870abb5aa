package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.GoldenFiles;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The language as users read it. {@code golden/errors/NAME.devq} must fail; {@code NAME.err.txt}
 * holds every rendered diagnostic. {@code golden/eval/NAME.devq} must succeed; {@code NAME.out.txt}
 * holds one line per statement outcome. Each input opens with a comment saying what it tests.
 */
class LanguageGoldenTest {
  @TestFactory
  Stream<DynamicTest> errorsRenderAsInTheGoldenFiles() {
    return GoldenFiles.inputs("errors", ".devq").stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    name(input),
                    () -> {
                      Interpreter.Run run = run(input);
                      assertFalse(run.ok(), input.getFileName() + " should fail but evaluated");
                      GoldenFiles.assertMatches(
                          expected(input, ".err.txt"),
                          DiagnosticRenderer.render(run.diagnostics()));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> evaluationsMatchTheGoldenFiles() {
    return GoldenFiles.inputs("eval", ".devq").stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    name(input),
                    () -> {
                      Interpreter.Run run = run(input);
                      assertTrue(
                          run.ok(),
                          () ->
                              input.getFileName()
                                  + " failed:\n"
                                  + DiagnosticRenderer.render(run.diagnostics()));
                      GoldenFiles.assertMatches(
                          expected(input, ".out.txt"),
                          OutcomeRender.render(source(input), run.outcomes()));
                    }));
  }

  /** Every golden input, for the round-trip, ambiguity and fuzz tests. */
  static Stream<Path> corpus() {
    return Stream.concat(
        GoldenFiles.inputs("errors", ".devq").stream(),
        GoldenFiles.inputs("eval", ".devq").stream());
  }

  static SourceText source(Path input) throws IOException {
    String text = Files.readString(input, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertTrue(
        text.startsWith("#"),
        input.getFileName() + " must open with a comment saying what it tests");
    return new SourceText(input.getFileName().toString(), text);
  }

  private static Interpreter.Run run(Path input) throws IOException {
    return DevqAssertions.interpreter().run(source(input), Session.EMPTY, false);
  }

  private static String name(Path input) {
    return input.getFileName().toString();
  }

  private static Path expected(Path input, String extension) {
    return Path.of(input.toString().replaceFirst("\\.devq$", extension));
  }
}
