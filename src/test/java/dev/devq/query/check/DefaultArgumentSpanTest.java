package dev.devq.query.check;

import static dev.devq.DevqAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Outcome;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A left-out argument is the built-in's default whatever the user's variables are called, and an
 * error it causes points at the call that left it out, never one column past its closing
 * parenthesis. Every built-in with a default that is a name ({@code nominal}, {@code ane}) is
 * covered, from {@link Builtin} itself: a variable of that name once made the default read it
 * ({@code let nominal = 5ms} then {@code latency(m, d)}: "expected a thermal state, found Time").
 */
class DefaultArgumentSpanTest {
  /** A written value for each kind of required argument; a new kind needs a row here. */
  private static final Map<ParamKind, String> WRITTEN =
      Map.of(
          ParamKind.MODEL, "resnet50",
          ParamKind.TARGET, "iphone_15_pro",
          ParamKind.OP, "gelu");

  /** The model for a built-in that asks for a decoder. */
  private static final String DECODER = "qwen3_0_6b";

  static Stream<Arguments> namedDefaults() {
    return Arrays.stream(Builtin.values())
        .flatMap(
            f ->
                f.signature().params().stream()
                    .filter(p -> !p.required() && canBeAVariable(p.defaultValue()))
                    .map(p -> Arguments.of(f.key(), p.name(), p.defaultValue())));
  }

  /** {@code nominal} can; {@code all} and {@code 30fps} cannot, so nothing makes them wrong. */
  private static boolean canBeAVariable(String value) {
    return Character.isLetter(value.charAt(0)) && run("let " + value + " = 5ms").ok();
  }

  @ParameterizedTest(name = "{0}() with {1} = {2} left out")
  @MethodSource("namedDefaults")
  void aVariableNamedLikeADefaultDoesNotChangeIt(String function, String param, String value) {
    String call = requiredArgumentsOnly(Builtin.named(function));
    if (!run(call).ok()) {
      call = call.replace(WRITTEN.get(ParamKind.MODEL), DECODER); // ttft() and the like
    }
    var alone = run(call);
    var shadowed = run("let " + value + " = 5ms\n" + call);
    assertTrue(alone.ok(), () -> DiagnosticRenderer.render(alone.diagnostics()));
    assertTrue(shadowed.ok(), () -> DiagnosticRenderer.render(shadowed.diagnostics()));
    assertEquals(last(alone), last(shadowed));
  }

  /** A default that is a quantity is never wrong in itself, but battery's rate may be too fast. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("quantityDefaults")
  void anErrorAtAQuantityDefaultPointsAtTheCall(String call) {
    assertCaretInsideCall("", call);
  }

  static Stream<String> quantityDefaults() {
    return Stream.of("battery(resnet101, iphone_15_pro, units = cpu_only)");
  }

  /** What the last statement showed (a value, or a check's verdict). */
  private static Object last(Interpreter.Run r) {
    Outcome o = r.outcomes().get(r.outcomes().size() - 1);
    if (o instanceof Outcome.Check c) {
      return c.pass() + " " + c.unknown(); // supported(): its verdict, wherever it stands
    }
    return o instanceof Outcome.Shown shown ? shown.value() : o;
  }

  private static String requiredArgumentsOnly(Builtin function) {
    String args =
        function.signature().params().stream()
            .filter(Signature.Param::required)
            .map(
                p -> {
                  String written = WRITTEN.get(p.kind());
                  assertNotNull(written, "no written value for " + p.kind() + " of " + function);
                  return written;
                })
            .collect(Collectors.joining(", "));
    return function.key() + "(" + args + ")";
  }

  private static void assertCaretInsideCall(String before, String call) {
    var result = run(before + call);
    assertFalse(result.ok(), "should fail: " + before + call);
    int start = before.length();
    int end = start + call.length();
    for (Diagnostic d : result.diagnostics()) {
      var at = d.span();
      assertTrue(
          at.length() > 0 && start <= at.start() && at.end() <= end,
          "the caret lies outside "
              + call
              + ":\n"
              + DiagnosticRenderer.render(result.diagnostics()));
    }
  }
}
