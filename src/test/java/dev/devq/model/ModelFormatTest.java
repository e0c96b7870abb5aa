package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parts of the model format that link tensors across the layer list: {@code save}/{@code from},
 * the concat axis, {@code to_tokens}, {@code class_token}, {@code slice} and weight tying, and a
 * convolution's width padding, which follows its height's unless it has a kernel width of its own.
 * The fixtures are in {@code src/test/resources/models-format/models}.
 */
class ModelFormatTest {
  private static KnowledgeBase kb;

  @BeforeAll
  static void load() {
    kb = DevqAssertions.knowledgeBaseWith("models-format");
  }

  @ParameterizedTest(name = "{0}: layer {1} is {2} → {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      pyramid_net | 0 | conv2d         | [8,16,16]
      pyramid_net | 2 | resize_nearest | [16,16,16]
      pyramid_net | 3 | concat         | [24,16,16]
      pyramid_net | 5 | conv2d         | [4,16,16]
      pyramid_net | 6 | concat         | [4,16,32]
      tokens_net  | 1 | reshape        | [24,16]
      tokens_net  | 2 | transpose      | [16,24]
      tokens_net  | 3 | concat         | [17,24]
      tokens_net  | 5 | slice          | [1,24]
      tokens_net  | 6 | linear         | [1,10]
      tied_lm     | 0 | embedding      | [8,16]
      tied_lm     | 2 | linear         | [8,100]
      padded_net  | 0 | conv2d         | [8,16,16]
      padded_net  | 1 | conv2d         | [8,18,18]
      padded_net  | 2 | conv2d         | [8,18,18]
      padded_net  | 3 | conv2d         | [8,18,16]
      """)
  void infersShapesAcrossLinks(String model, int index, String op, String output) {
    Layer layer = build(model).layers().get(index);
    assertEquals(op, layer.op(), layer.name());
    assertEquals(output, layer.output().toString(), layer.name());
  }

  @Test
  void fromReadsTheSavedTensorAndConcatJoinsIt() {
    Model m = build("pyramid_net");
    Layer joined = m.layers().get(3);
    assertEquals("[16,16,16]", joined.input().toString());
    assertEquals(
        "[8,16,16]",
        m.layers().get(5).input().toString(),
        "the conv after 'from: shallow' reads it");
  }

  @Test
  void classTokenIsOneLearnedRow() {
    Model m = build("tokens_net");
    assertEquals(24, m.layers().get(3).params());
    assertEquals(0, m.layers().get(1).macs() + m.layers().get(2).macs());
  }

  @Test
  void tiedWeightsAreCountedAndStoredOnceButReadByBothLayers() {
    Model m = build("tied_lm");
    Layer table = m.layers().get(0);
    Layer head = m.layers().get(2);
    assertTrue(head.tied());
    assertFalse(table.tied());
    assertEquals(1600, head.params());
    assertEquals(1600 + 32, m.params(), "table plus the layer norm, the head's weights not again");
    assertEquals(m.weightBytes(table) + m.weightBytes(m.layers().get(1)), m.weightBytes(), 1e-9);
    assertEquals(1600 * 2, m.weightBytes(head), 1e-9, "the head reads the whole table at fp16");
    assertEquals(8 * 16 * 100, head.macs());
  }

  @Test
  void badLinksGiveOneErrorEachWithPositions() {
    List<Diagnostic> ds =
        ModelBuilder.build(kb.models().get("bad_links"), Map.of(), kb.ops().keySet()).diagnostics();
    assertEquals(4, ds.size(), DiagnosticRenderer.render(ds));
    assertError(
        ds.get(0), "concat of mismatched shapes [16,8,8] and [8,16,16]", "bad_links.yaml:12:");
    assertError(ds.get(1), "no tensor saved as 'shallo'", "bad_links.yaml:13:11");
    assertEquals("did you mean 'shallow'?", ds.get(1).notes().get(0));
    assertError(ds.get(2), "'axis' applies to concat only", "bad_links.yaml:14:");
    assertError(ds.get(3), "no earlier layer named 'shallow' to tie to", "bad_links.yaml:17:10");
  }

  private static void assertError(Diagnostic d, String message, String position) {
    assertTrue(d.message().contains(message), d.message());
    assertTrue(d.position().contains(position), d.position());
  }

  private static Model build(String id) {
    ModelBuilder.Result r = ModelBuilder.build(kb.models().get(id), Map.of(), kb.ops().keySet());
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    return r.model();
  }
}
