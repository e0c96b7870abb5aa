package dev.devq.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.eval.Session;
import org.junit.jupiter.api.Test;

/**
 * A chart of estimates whose runtime was never measured on their kind of model draws no band, and
 * its subtitle says why, as {@code eval} does under the value; estimates with a range say nothing
 * of the kind.
 */
class SweepNoRangeTest {
  private static Chart chart(String expr, String over) {
    return Sweep.run(
            DevqAssertions.interpreter(),
            Session.EMPTY,
            new SourceText("EXPR", expr),
            new SourceText("--over", over),
            new Span(0, over.length()),
            "")
        .chart();
  }

  private static String subtitle(Chart c) {
    return c instanceof Chart.Lines l ? l.subtitle() : ((Chart.Bars) c).subtitle();
  }

  @Test
  void aSeriesWithoutARangeSaysWhy() {
    Chart c = chart("latency(resnet50, d, runtime = llama_cpp)", "d in [m2_max, m4_max]");
    String text = subtitle(c);
    assertTrue(
        text.contains("no 80% range: llama.cpp's measurements on the GPU are all of decoder LLMs"),
        text);
    assertFalse(text.contains("error bars"), text);
  }

  @Test
  void aSeriesWithARangeSaysNothingOfIt() {
    Chart c =
        chart(
            "latency(quantize(llama_2_7b(phase = decode, context = 64), q4_0), d, runtime ="
                + " llama_cpp)",
            "d in [m2_max, m4_max]");
    String text = subtitle(c);
    assertTrue(text.contains("error bars: 80% range of the prediction"), text);
    assertFalse(text.contains("no 80% range"), text);
  }
}
