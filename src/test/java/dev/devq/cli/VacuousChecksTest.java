package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.cli.CheckReportsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An {@code all} whose list is empty, or whose {@code where} filter leaves nothing, passes without
 * testing anything: {@code all d in devices where d.year >= 2099: …} kept a review green however
 * slow the model was. It still passes (it is true), and a query file or document is warned, with
 * the check that fails when nothing is tested; a check that tested something, an {@code any} (which
 * fails on nothing) and {@code devq eval} are not. The same holds wherever such a quantifier
 * decides a passing verdict: in a {@code let} the check reads, beside a side of {@code and} that
 * holds, after a false side of {@code or}, under {@code not} (an {@code any} over nothing), in the
 * body of a quantifier every item of which it answered; and not where another side decides the
 * verdict alone ({@code 1 < 2 or …}, on either side) or another item was tested.
 */
class VacuousChecksTest {
  @TempDir Path dir;

  private static final String WHOLE = "this check passes without testing anything: ";
  private static final String PART = "this check passes on a quantifier that tests nothing: ";
  private static final String FILTER = "no item passed the 'where' filter";
  private static final String LATE = "any d in devices where d.year >= 2099: true";

  /**
   * Each file (lines split at {@code \\n}) with its exit code and the warnings it gets, {@code ;}
   * between them, each as {@code line:column message|suggestion}; empty: none.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      textBlock =
          """
      all d in devices where d.year >= 2099: latency(mobilenet_v2, d) < 1ms | 0 | 1:1 W F LATE
      check "empty": all x in []: x > 1                                     | 0 | 1:16 W E any x in []: true
      all d in devices # new ones\\n  where d.year >= 2099: d.ram > 1 GB    | 0 | 1:1 W F LATE
      all d in devices where d.year >= 2024: d.ram > 1 GB                   | 0 | NONE
      all x in [2, 3]: x > 1                                                | 0 | NONE
      any d in devices where d.year >= 2099: d.ram > 1 GB                   | 1 | NONE
      (all x in []: x > 1) and 1 < 2                                        | 0 | 1:2 P E any x in []: true
      1 < 2 and (all x in []: x > 1)                                        | 0 | 1:12 P E any x in []: true
      1 > 2 or (all d in devices where d.year >= 2099: d.ram > 1 GB)        | 0 | 1:11 P F LATE
      1 < 2 or (all d in devices where d.year >= 2099: d.ram > 1 GB)        | 0 | NONE
      (all d in devices where d.year >= 2099: d.ram > 1 GB) or 1 < 2        | 0 | NONE
      (all x in []: x > 1) or (all y in [1]: y > 0)                         | 0 | NONE
      (all x in []: x > 1) or (all y in []: y > 0)                          | 0 | 1:2 P E any x in []: true ; 1:26 P E any y in []: true
      (all x in []: x > 1) and (all y in [2]: y > 1)                        | 0 | 1:2 P E any x in []: true
      (all x in []: x > 1) and (all y in [1]: y > 1)                        | 1 | NONE
      not any d in devices where d.year >= 2099: d.ram > 1 GB               | 0 | 1:5 P F LATE
      not ((any x in []: x > 1) and 1 < 2)                                  | 0 | 1:7 P E any x in []: true
      not ((any x in []: x > 1) and 1 > 2)                                  | 0 | NONE
      not ((any x in []: x > 1) or 1 < 2)                                   | 1 | NONE
      (all x in []: x > 1) == (1 < 2)                                       | 0 | 1:2 P E any x in []: true
      (all x in []: x > 1) or (1 GB / 0) > 1 GB                             | 0 | 1:2 P E any x in []: true
      let ok = all d in devices where d.year >= 2099: d.ram > 1 GB\\ncheck "ok": ok | 0 | 1:10 P F LATE
      let ok = all d in devices where d.year >= 2099: d.ram > 1 GB\\ncheck "ok": ok or 1 < 2 | 0 | NONE
      let ok = all d in devices where d.year >= 2099: d.ram > 1 GB\\nlet both = ok and 1 < 2\\ncheck "both": both | 0 | 1:10 P F LATE
      all d in devices: all m in models where m.params > 1e15: true          | 0 | 1:19 P F any d in devices: any m in models where m.params > 1e15: true
      not all d in [iphone_12]: any m in []: true                           | 0 | 1:27 P E any d in [iphone_12]: any m in []: true
      all d in [iphone_12, iphone_15_pro]: all y in [x in [2021, 2022] where x > d.year]: y > 2020 | 0 | NONE
      all d in [iphone_15_pro]: all y in [x in [2021, 2022] where x > d.year]: y > 2020 | 0 | 1:27 P E any d in [iphone_15_pro]: any y in [x in [2021, 2022] where x > d.year]: true
      """)
  void aCheckThatRestsOnAQuantifierOverNothingIsWarnedOf(String file, int exit, String warnings)
      throws Exception {
    Path f = Files.writeString(dir.resolve("c.devq"), file.replace("\\n", "\n") + "\n");
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals(exit, r.code(), r.out() + r.err());
    List<String> expected = warnings == null ? List.of() : List.of(warnings.split(";"));
    assertEquals(expected.size(), count(r.err(), "warning[VACUOUS]"), r.err());
    for (String w : expected) {
      String[] parts = w.strip().split(" ", 4);
      String message = (parts[1].equals("W") ? WHOLE : PART);
      String why = parts[2].equals("F") ? FILTER : "the list is empty";
      String suggested = parts[3].equals("LATE") ? LATE : parts[3];
      assertTrue(r.out().contains("PASS"), r.out());
      assertTrue(r.err().contains("warning[VACUOUS]: " + message + why), r.err());
      assertTrue(r.err().contains(" --> " + f + ":" + parts[0] + "\n"), r.err());
      assertTrue(r.err().contains("tests no item"), r.err());
      assertTrue(r.err().contains("check beside it: " + suggested + "\n"), r.err());
    }
  }

  @org.junit.jupiter.api.Test
  void aLetOfAnotherBlockIsWarnedOfWhereItIsWrittenNamingTheCheck() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("r.md"),
            "# r\n\n```devq\nlet ok = all d in devices where d.year >= 2099: d.ram > 1 GB\n```\n\n"
                + "```devq\ncheck \"ok\": ok\n```\n");
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(" --> " + f + ":4:10\n"), r.err());
    assertTrue(r.err().contains("= read by the check at " + f + ":8:1\n"), r.err());
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
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
