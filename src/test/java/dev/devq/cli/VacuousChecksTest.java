package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.cli.CheckReportsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An {@code all} whose list is empty, or whose {@code where} filter leaves nothing, passes without
 * testing anything: {@code all d in devices where d.year >= 2099: …} kept a review green however
 * slow the model was. It still passes (it is true), and a query file or document is warned, with
 * the check that fails when nothing is tested; a check that tested something, an {@code any} (which
 * fails on nothing) and {@code devq eval} are not.
 */
class VacuousChecksTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      all d in devices where d.year >= 2099: latency(mobilenet_v2, d) < 1ms | 0 | no item passed the 'where' filter | any d in devices where d.year >= 2099: true
      check "empty": all x in []: x > 1                                     | 0 | the list is empty                 | any x in []: true
      all d in devices # new ones\\n  where d.year >= 2099: d.ram > 1 GB      | 0 | no item passed the 'where' filter | any d in devices where d.year >= 2099: true
      all d in devices where d.year >= 2024: d.ram > 1 GB                   | 0 |                                   |
      all x in [2, 3]: x > 1                                                | 0 |                                   |
      any d in devices where d.year >= 2099: d.ram > 1 GB                   | 1 |                                   |
      (all x in []: x > 1) and 1 < 2                                        | 0 |                                   |
      """)
  void aCheckThatTestsNothingIsWarnedOf(String statement, int exit, String why, String suggested)
      throws Exception {
    Path f = Files.writeString(dir.resolve("c.devq"), statement.replace("\\n", "\n") + "\n");
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals(exit, r.code(), r.out() + r.err());
    if (why == null) {
      assertFalse(r.err().contains("VACUOUS"), r.err());
      return;
    }
    assertTrue(r.out().startsWith("PASS"), r.out());
    assertTrue(
        r.err().contains("warning[VACUOUS]: this check passes without testing anything: " + why),
        r.err());
    assertTrue(r.err().contains("tests no item"), r.err());
    assertTrue(r.err().contains("check beside it: " + suggested), r.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"text", "json"})
  void checkJsonCarriesTheWarningAndEvalSaysNothing(String format) throws Exception {
    String q = "all d in devices where d.year >= 2099: d.ram > 1 GB";
    Path f = Files.writeString(dir.resolve("c.devq"), q + "\n");
    if (format.equals("json")) {
      Run r = CheckReportsTest.devq("check", "--format", "json", f.toString());
      assertEquals(0, r.code(), r.out() + r.err());
      assertTrue(r.out().contains("\"code\": \"VACUOUS\""), r.out());
    } else {
      Run r = CheckReportsTest.devq("eval", q);
      assertEquals(0, r.code(), r.out() + r.err());
      assertEquals("", r.err());
    }
  }
}
