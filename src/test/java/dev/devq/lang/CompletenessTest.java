package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which inputs continue on the REPL's second prompt: unfinished ones, never complete or broken
 * ones.
 */
class CompletenessTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2, a16                       | true
      latency(mobilenet_v2,                           | true
      [a16, a17_pro                                   | true
      1 +                                             | true
      latency(mobilenet_v2, a16) <                    | true
      let m =                                         | true
      let m                                           | true
      all d in devices where d.year >= 2021:          | true
      a16.                                            | true
      x and                                           | true
      (1 ms +                                         | true
      f(a +                                           | true
      [a -                                            | true
      latency(mobilenet_v2, a16 -                     | true
      (a <                                            | true
      (a *                                            | true
      (1 ms) + 2 ms                                   | false
      -3 ms                                           | false
      [-1, +2]                                        | false
      (1 ms + )                                       | false
      latency(m, a16) # a comment after an open call  | false
      latency(mobilenet_v2, a16, throttled) < 33ms    | false
      let m = quantize(resnet50, w8a8)                | false
      a16.bandwidth                                   | false
      latency(mobilenet_v2, a16))                     | false
      latency(mobilenet_v2 a16                        | false
      search "layer                                   | false
      1 $                                             | false
      '   '                                           | false
      """)
  void needsMoreOnlyWhenUnfinished(String input, boolean expected) {
    assertEquals(expected, Completeness.needsMore(input), input);
  }

  @org.junit.jupiter.api.Test
  void continuesAcrossLines() {
    assertEquals(true, Completeness.needsMore("latency(mobilenet_v2,\n  a16,"));
    assertEquals(false, Completeness.needsMore("latency(mobilenet_v2,\n  a16)"));
  }

  @org.junit.jupiter.api.Test
  void deepNestingIsNotUnfinishedInput() {
    assertEquals(false, Completeness.needsMore("(".repeat(20_000) + "1" + ")".repeat(20_000)));
  }
}
