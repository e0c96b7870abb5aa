package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.cost.ModelKind;
import dev.devq.cost.OutOfScope;
import dev.devq.cost.Runtime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line under an estimate outside its runtime's measurements, as every format prints it. */
class RangeNoteScopeTest {
  @Test
  void namesTheMeasuredModelsAndTheModelsKind() {
    var why =
        new OutOfScope(
            Runtime.EXECUTORCH,
            "cpu_only",
            "qwen3_0_6b",
            ModelKind.DECODER,
            Map.of(ModelKind.ONE_PASS, List.of("a", "b", "c", "d", "e")));
    assertEquals(
        "no 80% range: ExecuTorch's measurements on the CPU are all of one-pass models (a, b, c and"
            + " 2 more); qwen3_0_6b is a decoder LLM",
        RangeNote.line(why));
  }

  @Test
  void aSettingNoRowMeasuredSaysSo() {
    var why =
        new OutOfScope(Runtime.LLAMA_CPP, "cpu_only", "resnet50", ModelKind.ONE_PASS, Map.of());
    assertEquals("no 80% range: llama.cpp was never measured on the CPU", RangeNote.line(why));
  }
}
