package dev.devq.search;

import static dev.devq.DevqAssertions.assertFails;
import static dev.devq.DevqAssertions.eval;
import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.DiagnosticCode;
import dev.devq.query.eval.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The index inside the language: {@code search}, {@code supported}, {@code support} and names. */
class LanguageSearchTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2, "iPhone 15 Pro", nominal)  | latency(mobilenet_v2, iphone_15_pro, nominal)
      latency(mobilenet_v2, "A17 Pro", nominal)        | latency(mobilenet_v2, a17_pro, nominal)
      latency(mobilenet_v2, "iPhone16,1", nominal)     | latency(mobilenet_v2, iphone_15_pro, nominal)
      latency(mobilenet_v2, iphone15pro, nominal)      | latency(mobilenet_v2, iphone_15_pro, nominal)
      latency(mobilenet_v2, "12 mini", nominal)        | latency(mobilenet_v2, iphone_12_mini, nominal)
      latency("MobileNetV2", a14)                      | latency(mobilenet_v2, a14)
      latency(mobilenetv2, a14)                        | latency(mobilenet_v2, a14)
      """)
  void namesResolveThroughTheIndex(String written, String canonical) {
    assertEquals(quantity(canonical), quantity(written));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2, "iphone")         | fits several; did you mean one of
      latency("mobilenet", a14)               | fits several; did you mean one of mobilenet_v2
      latency(mobilenet_v2, a71)              | did you mean 'a17_pro'?
      latency(mobilenet_v2, "iphone 51 pro")  | did you mean 'iphone_11_pro'?
      supported(layr_norm, a14, ane)          | did you mean 'layer_norm'?
      """)
  void unresolvedNamesSuggestFromTheIndex(String query, String note) {
    String text = assertFails(query, DiagnosticCode.UNKNOWN_NAME);
    assertTrue(text.contains(note), text);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      supported(dilated_conv2d, a14, ane)             | unknown
      supported("dilated conv", "A14 Bionic", cpu)    | true
      supported(layer_norm, a13, ane)                 | unknown
      supported("torch.nn.LayerNorm", iphone_12, ane) | true
      supported(gelu, a11, ane)                       | false
      supported(LayerNormalization, a14, gpu)         | true
      """)
  void supportedFollowsTheCatalog(String query, String expected) {
    // where no source settles it the answer is unknown, not false
    Value.BoolV b = (Value.BoolV) eval(query);
    assertEquals(expected, b.known() ? Boolean.toString(b.isTrue()) : "unknown");
  }

  @Test
  void searchReturnsOpsBestFirst() {
    Value v = eval("search(\"layer norm\")");
    assertTrue(v instanceof Value.ListV, v.toString());
    Value first = ((Value.ListV) v).items().get(0);
    assertEquals("layer_norm", ((Value.EntityV) first).entity().id());
    assertEquals(
        "scaled_dot_product_attention",
        ((Value.EntityV) ((Value.ListV) eval("search \"sdpa\"")).items().get(0)).entity().id());
  }

  @Test
  void supportIsATableOfUnitsAndNumberedNotes() {
    Value.RecordV r = (Value.RecordV) eval("support(\"dilated conv\")");
    assertEquals("dilated_conv2d", r.title());
    assertTrue(((Value.StrV) r.get("ane")).value().startsWith("no"), r.toString());
    assertEquals("hollance_unsupported", r.fields().get(1).source());
    assertEquals("ane.1", r.fields().get(1).name());
    assertTrue(r.fields().stream().anyMatch(f -> f.name().equals("cpu")));
  }
}
