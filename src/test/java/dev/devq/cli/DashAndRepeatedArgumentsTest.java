package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Command lines with a query or file that starts with a dash, a misspelt option, an option given
 * twice: each runs, or is refused with exit 2 and a line saying what to type instead.
 */
class DashAndRepeatedArgumentsTest {
  /** Arguments are separated by ';' in the table. */
  @ParameterizedTest(name = "devq {0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          eval;-1 ms                        | 0 | out | -1 ms
          eval;-latency(mobilenet_v2, a16)  | 0 | out | -
          eval;1 ms;-1 ms                   | 0 | out | 1 ms\\n-1 ms
          eval;-1 ms;--format;json          | 0 | out | "text": "-1 ms"
          eval;--;-(1 ms)                   | 0 | out | -1 ms
          check;-x.devq                     | 2 | err | no such file: -x.devq\\n --> <arguments>:1:12
          eval;--fromat;json;1              | 2 | err | Unknown option: '--fromat'\\ndid you mean '--format'?\\ntry 'devq eval --help'
          eval;1;--foramt;json              | 2 | err | Possible solutions: --format\\ntry 'devq eval --help'
          eval;-m                           | 2 | err | '-m' starts with '-': to give it as a query, put it after '--', as in devq eval -- '-m'
          check;-x                          | 2 | err | to give it as a file name, put it after '--', as in devq check -- '-x'
          validate;-x.csv                   | 2 | err | no such file: -x.csv\\n --> <arguments>:1:15
          import;-x.onnx                    | 2 | err | '-x.onnx' starts with '-' but is not an option: to give it as a file name, put it after '--', as in devq import -- '-x.onnx'
          info;-a16                         | 2 | err | put it after '--', as in devq info -- '-a16'
          info;-it's                        | 2 | err | put it after '--', as in devq info -- "-it's"
          list;socs;--fromat                | 2 | err | did you mean '--format'?
          import;m.onnx;--dim;H=8;--dim;H=9 | 2 | err | devq: --dim H is given twice (H=8, H=9): give each dimension once
          plot;x;--over;t in 1..2;--over;r in [1] | 2 | err | devq: --over is given 2 times: a chart sweeps one variable
          """)
  void runsOrSaysWhatToTypeInstead(String args, int code, String stream, String expected) {
    CheckReportsTest.Run run = CheckReportsTest.devq(args.split(";"));
    String shown = stream.equals("out") ? run.out() : run.err();
    assertEquals(code, run.code(), run.out() + run.err());
    assertTrue(shown.contains(expected.replace("\\n", "\n")), shown);
    assertFalse(run.err().contains("Missing required parameter: 'EXPR'"), run.err());
    assertFalse(run.err().contains("at picocli."), run.err());
  }

  @Test
  void replCommandsPointAtTheReplsOwnHelp() throws IOException {
    String output =
        ReplTest.run(":plot mobilenet_v2.params\n:plot x --over t in 1..2 --over r in [3]\n")
            .output();
    assertTrue(output.contains("plot needs to be told what to draw"), output);
    assertTrue(output.contains("--over is given 2 times"), output);
    assertFalse(output.contains("devq plot --help"), output);
    assertEquals(2, output.split("try ':help plot'", -1).length - 1, output);
  }
}
