package dev.devq.query.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.AstBuilder;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every built-in has a signature with help text, the checker binds a call of it to that constant,
 * and the evaluator implements it: one sample call per constant, and a constant without a sample
 * fails here.
 */
class BuiltinTableTest {
  private static final Map<Builtin, String> SAMPLES =
      Map.ofEntries(
          Map.entry(Builtin.LATENCY, "latency(mobilenet_v2, a16, units = cpu_and_gpu)"),
          Map.entry(Builtin.FPS, "fps(mobilenet_v2, a16)"),
          Map.entry(Builtin.MEMORY, "memory(mobilenet_v2, a16)"),
          Map.entry(Builtin.ENERGY, "energy(mobilenet_v2, a16)"),
          Map.entry(Builtin.POWER, "power(mobilenet_v2, a16)"),
          Map.entry(Builtin.LOAD_TIME, "load_time(mobilenet_v2, a16, start = cold)"),
          Map.entry(Builtin.TTFT, "ttft(qwen3_0_6b(context = 128), a16, units = cpu_and_gpu)"),
          Map.entry(Builtin.DECODE_RATE, "decode_rate(qwen3_0_6b, a16, units = cpu_and_gpu)"),
          Map.entry(Builtin.PLACEMENT, "placement(mobilenet_v2, a16)"),
          Map.entry(Builtin.FALLBACKS, "fallbacks(yolov8n, a16)"),
          Map.entry(Builtin.EXPLAIN, "explain(mobilenet_v2, a16)"),
          Map.entry(Builtin.BATTERY, "battery(mobilenet_v2, iphone_15_pro, 30fps, 1h)"),
          Map.entry(Builtin.SEQ, "seq(mobilenet_v2, resnet50)"),
          Map.entry(Builtin.PAR, "par(mobilenet_v2, resnet50)"),
          Map.entry(Builtin.MIN, "min(1 ms, 2 ms)"),
          Map.entry(Builtin.MAX, "max(1 ms, 2 ms)"),
          Map.entry(Builtin.SIZE, "size(resnet50)"),
          Map.entry(Builtin.FRAME, "frame(30fps)"),
          Map.entry(Builtin.BUDGET, "budget(frame_60fps)"),
          Map.entry(Builtin.AFTER, "after(10 min)"),
          Map.entry(Builtin.PRECISION, "precision(resnet50, fp32)"),
          Map.entry(Builtin.QUANTIZE, "quantize(resnet50, w8)"),
          Map.entry(Builtin.PALETTIZE, "palettize(resnet50, 4)"),
          Map.entry(Builtin.PRUNE, "prune(resnet50, 50%)"),
          Map.entry(Builtin.SUPPORTED, "supported(layer_norm, a16, gpu, os = \"iOS 17\")"),
          Map.entry(Builtin.SUPPORT, "support(layer_norm)"),
          Map.entry(Builtin.SEARCH, "search(\"layer norm\")"),
          Map.entry(Builtin.INFO, "info(a16)"));

  @ParameterizedTest(name = "{0}")
  @EnumSource(Builtin.class)
  void hasASignatureHelpAndAnImplementation(Builtin b) {
    Signature sig = b.signature();
    assertFalse(sig.help().isBlank(), b + " has help text");
    assertTrue(sig.usage().startsWith(b.key() + "("), sig.usage());
    assertSame(b, Builtin.named(b.key()));
    assertEquals(sig, Functions.get(b.key()));
    String sample = SAMPLES.get(b);
    assertNotNull(sample, b + " has no sample call in this table");

    var source = new SourceText("<test>", sample);
    var parsed = AstBuilder.parseExpression(source);
    var checked =
        Checker.check(DevqAssertions.engine().resolver(), source, Map.of(), parsed.value(), false);
    assertTrue(checked.diagnostics().isEmpty(), DiagnosticRenderer.render(checked.diagnostics()));
    TypedExpr.Call call = (TypedExpr.Call) checked.expr();
    assertSame(b, call.function(), "the checker binds " + sample + " to " + b);
    if (!(sig.result() instanceof Type.Any)) {
      assertEquals(sig.result(), call.type(), sample);
    }

    var run = DevqAssertions.devq().eval(sample);
    assertTrue(run.ok(), () -> sample + "\n" + DiagnosticRenderer.render(run.diagnostics()));
  }

  @Test
  void namesAreUnique() {
    var byName =
        java.util.Arrays.stream(Builtin.values())
            .collect(Collectors.groupingBy(Builtin::key, Collectors.counting()));
    byName.forEach((name, n) -> assertEquals(1L, n, name));
  }

  @Test
  void everyEstimateFunctionTakesTheConditions() {
    for (Builtin b : Builtin.values()) {
      if (b.isEstimate()) {
        assertTrue(b.signature().params().containsAll(Params.estimate()), b.key());
      }
    }
  }
}
