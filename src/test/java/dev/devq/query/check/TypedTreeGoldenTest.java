package dev.devq.query.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.GoldenFiles;
import dev.devq.lang.AstBuilder;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The checked tree of {@code golden/check/NAME.devq} (one expression) printed with a type on every
 * node and each call bound to its {@link Builtin}, in {@code NAME.typed.txt}: a wrong binding or
 * type shows here before evaluation does (as cel-java's checker baselines).
 */
class TypedTreeGoldenTest {
  @TestFactory
  Stream<DynamicTest> typedTreesMatchTheGoldenFiles() {
    return GoldenFiles.inputs("check", ".devq").stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.getFileName().toString(),
                    () ->
                        GoldenFiles.assertMatches(
                            Path.of(input.toString().replaceFirst("\\.devq$", ".typed.txt")),
                            typed(input))));
  }

  private static String typed(Path input) throws IOException {
    String text = Files.readString(input, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertTrue(text.startsWith("#"), input + " must open with a comment saying what it tests");
    var source = new SourceText(input.getFileName().toString(), text);
    // one statement: an expression, or a table query (which is a statement only)
    var parsed = AstBuilder.parseQuery(source);
    assertTrue(parsed.ok(), DiagnosticRenderer.render(parsed.diagnostics()));
    assertEquals(1, parsed.value().size(), input + " must hold one statement");
    var expr = ((dev.devq.lang.Stmt.Eval) parsed.value().get(0)).expr();
    var checked = Checker.check(DevqAssertions.engine().resolver(), source, Map.of(), expr, false);
    assertTrue(checked.diagnostics().isEmpty(), DiagnosticRenderer.render(checked.diagnostics()));
    return TypedDump.dump(checked.expr());
  }
}
