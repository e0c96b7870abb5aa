package dev.devq.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Bindings;
import dev.devq.DevqAssertions;
import dev.devq.Figure;
import dev.devq.PlotRequest;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The SVG JFreeSVG writes is well-formed XML with the chart's texts (title, axis labels, legend
 * entries of every series and budget), and the same chart gives the same bytes.
 */
class SvgChartsTest {
  static Figure sweep(String expr, String over) {
    var req =
        PlotRequest.sweep(
            new SourceText("<expr>", expr),
            new SourceText("--over", over),
            new Span(0, over.length()),
            "");
    Figure f = DevqAssertions.devq().plot(req, Bindings.EMPTY);
    assertTrue(f.ok(), () -> f.diagnostics().toString());
    return f;
  }

  static Figure of(PlotRequest.Kind kind, String expr) {
    var req = PlotRequest.of(kind, new SourceText("<expr>", expr), "");
    Figure f = DevqAssertions.devq().plot(req, Bindings.EMPTY);
    assertTrue(f.ok(), () -> f.diagnostics().toString());
    return f;
  }

  static final String TWO_PHONES =
      "[latency(resnet50, iphone_12, after(t)), latency(resnet50, iphone_15_pro, after(t))]"
          + " < frame(60fps)";

  /**
   * A whole-number range without a step takes a whole step and ends at its end: 128..320 steps by 7
   * to 317, then 320.
   */
  @ParameterizedTest(name = "{0} → {1} points, {2} … {3}")
  @CsvSource({
    "r in 128..320, 29, 128, 320",
    "r in 128..160, 17, 128, 160",
    "r in 1..100, 26, 1, 100",
    "r in 1..10, 10, 1, 10",
    "r in 1..31, 31, 1, 31"
  })
  void aWholeNumberRangeReachesItsEnd(String over, int points, String first, String last) {
    String data = sweep("r * 1 ms", over).text();
    List<String> xs = new ArrayList<>();
    for (String line : data.split("\n")) {
      var m = java.util.regex.Pattern.compile("^  ([0-9.]+)  ").matcher(line);
      if (m.find()) {
        xs.add(m.group(1));
      }
    }
    assertEquals(points, xs.size(), data);
    assertEquals(first, xs.get(0), data);
    assertEquals(last, xs.get(xs.size() - 1), data);
  }

  /** A timeline or roofline of a model that does not fit says so, in the chart and beside it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"TIMELINE", "ROOFLINE"})
  void aModelThatCannotRunIsDrawnWithTheReason(PlotRequest.Kind kind) {
    Figure f = of(kind, "latency(llama_2_13b, iphone_12)");
    assertTrue(f.leftOut().contains("llama_2_13b needs 26.9 GB"), f.leftOut());
    assertTrue(f.text().contains("cannot run: llama_2_13b needs 26.9 GB"), f.text());
    assertTrue(of(kind, "latency(resnet50, iphone_12)").leftOut().isEmpty());
  }

  @Test
  void lineChartIsXmlWithEverySeriesInItsLegend() throws Exception {
    Figure chart = sweep(TWO_PHONES, "t in 0min..30min step 5min");
    List<String> texts = texts(parse(chart.svg()));
    assertTrue(texts.contains("latency(resnet50, iphone_12, after(t))"), texts::toString);
    assertTrue(texts.contains("latency(resnet50, iphone_15_pro, after(t))"), texts::toString);
    assertTrue(texts.contains("budget < frame(60fps)"), texts::toString);
    assertTrue(texts.contains("t (min)"), texts::toString);
  }

  @Test
  void barsTimelineAndRooflineAreXmlWithTheirLabels() throws Exception {
    Figure bars =
        sweep(
            "latency(mobilenet_v2, d, sustained)", "d in [iphone_12, iphone_15_pro, ipad_pro_m4]");
    List<String> barTexts = texts(parse(bars.svg()));
    assertTrue(barTexts.contains("iPhone 15 Pro"), barTexts::toString);
    // DeepLabV3's dilated convolutions leave an A12's Neural Engine under iOS 14 for the GPU: two
    // units, switches
    Figure timeline =
        of(
            PlotRequest.Kind.TIMELINE,
            "latency(deeplabv3_mobilenet_v3, iphone_xs, os = \"iOS 14\")");
    List<String> timelineTexts = texts(parse(timeline.svg()));
    assertTrue(
        timelineTexts.containsAll(List.of("Neural Engine", "GPU", "switch")),
        timelineTexts::toString);
    Figure roofline = of(PlotRequest.Kind.ROOFLINE, "latency(resnet50, iphone_12)");
    List<String> roofTexts = texts(parse(roofline.svg()));
    assertTrue(roofTexts.contains("arithmetic intensity (FLOP/B)"), roofTexts::toString);
  }

  /**
   * A bar chart of many categories names every bar: the axis used to halve its ticks when the
   * labels crowded, so every other device went unnamed. Labels standing on end are drawn as rotated
   * outlines, one rotation each, and the value axis's title is the one more.
   */
  @Test
  void everyBarOfManyIsLabelled() {
    Figure bars = sweep("latency(mobilenet_v2, d)", "d in devices");
    long rotated =
        java.util.regex.Pattern.compile("transform='matrix\\(0\\.0,-1\\.0,1\\.0,0\\.0,")
            .matcher(bars.svg())
            .results()
            .count();
    assertTrue(
        bars.summary().contains("over " + (rotated - 1) + " categories"),
        () -> bars.summary() + "; rotated labels: " + (rotated - 1));
    assertTrue(rotated > 30, () -> "rotated labels: " + rotated);
  }

  /** A series draws the 80% range its values carry, whichever estimate they come from. */
  @ParameterizedTest(name = "{0}: banded {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2(resolution = r), a16)      | true
      fps(mobilenet_v2(resolution = r), a16)          | true
      energy(mobilenet_v2(resolution = r), a16)       | true
      latency(mobilenet_v2(resolution = r), a16) * 2  | true
      latency(mobilenet_v2(resolution = r), a16) - latency(resnet50, a16) | false
      memory(mobilenet_v2(resolution = r), a16)       | false
      """)
  void aSeriesDrawsTheRangeItsValuesCarry(String expr, boolean banded) {
    String text = sweep(expr, "r in [128, 224]").text();
    assertEquals(banded, text.contains("80% range of the prediction"), text);
  }

  /** A budget is a line: an estimate on the right of the comparison is drawn without its range. */
  @Test
  void aBudgetThatIsAnEstimateCarriesNoRange() {
    String text =
        sweep(
                "latency(mobilenet_v2(resolution = r), a16)"
                    + " < latency(mobilenet_v2(resolution = r), iphone_12)",
                "r in [128, 224]")
            .text();
    String budget = text.substring(text.indexOf("\nbudget "));
    String series = text.substring(text.indexOf("\nseries "), text.indexOf("\nbudget "));
    assertTrue(series.contains("["), "the series keeps its range:\n" + text);
    assertFalse(budget.contains("["), "the budget has no range:\n" + text);
  }

  @Test
  void theSameChartGivesTheSameBytes() {
    Figure chart = sweep(TWO_PHONES, "t in 0min..10min step 5min");
    assertEquals(chart.svg(), chart.svg());
  }

  /**
   * JFreeChart wrote ticks under 10⁻⁴ or from 10⁷ up as {@code 5E-5} and {@code 3E8}, and the ticks
   * of a narrow range around 100 all as {@code 1E2}: every tick is now a plain decimal with the
   * digits its step needs, a large count shortened as the language writes it.
   */
  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          x * 1 ns | x in 0..1e-3            | 0.00005
          x * 1 s  | x in 0..1e9             | 500M
          x * 1 ms | x in 100..100.00001     | 100.000002
          x        | x in 0..1e30            | 5e29
          """)
  void extremeSweepsHavePlainDistinctTicks(String expr, String over, String aTick)
      throws Exception {
    List<String> texts = texts(parse(sweep(expr, over).svg()));
    assertTrue(texts.contains(aTick), texts::toString);
    for (String t : texts) {
      assertFalse(t.matches(".*[0-9]E-?[0-9].*"), () -> "Java's exponent form: " + texts);
    }
  }

  /** An axis over a range written in minutes reads in minutes, whatever its largest value. */
  @Test
  void aRangeKeepsTheUnitItIsWrittenIn() throws Exception {
    List<String> texts =
        texts(
            parse(sweep("latency(mobilenet_v2, iphone_12, after(t))", "t in 0min..0.5min").svg()));
    assertTrue(texts.contains("t (min)"), texts::toString);
  }

  static Document parse(String svg) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    // JFreeSVG names the SVG 1.0 DTD; a test must not fetch it
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document doc) {
    assertEquals("svg", doc.getDocumentElement().getTagName());
    NodeList nodes = doc.getElementsByTagName("text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }
}
