package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.cli.CheckReportsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code let} that takes a name the knowledge base or the language already gives is allowed and
 * warned of at the name: {@code let devices = [iphone_12]} narrowed every later {@code all d in
 * devices} of the file without a word. A name that means nothing yet, and {@code devq eval}, get no
 * warning.
 */
class ShadowedNamesTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      textBlock =
          """
      let devices = [iphone_12]\\nall d in devices: d.ram > 1 GB | 1:5 | the collection devices
      let resnet50 = quantize(resnet50, w8)\\nresnet50.params > 1 | 1:5 | the model resnet50
      let a16 = 1\\na16 > 0                                      | 1:5 | the soc a16
      let iphone15pro = 1\\niphone15pro > 0                      | 1:5 | the device iphone_15_pro
      let throttled = 2\\nthrottled > 1                          | 1:5 | a thermal state 'throttled'
      let cpu_only = 2\\ncpu_only > 1                            | 1:5 | a compute-unit set 'cpu_only'
      let budget = 2\\nbudget > 1                                | NONE | NONE
      let fast = 2\\nfast > 1                                    | NONE | NONE
      """)
  void aLetThatHidesANameIsWarnedOfAtTheName(String file, String at, String hidden)
      throws Exception {
    Path f = Files.writeString(dir.resolve("s.devq"), file.replace("\\n", "\n") + "\n");
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("PASS"), r.out());
    if (at == null) {
      assertEquals("", r.err());
      return;
    }
    String name = file.substring("let ".length(), file.indexOf(" ="));
    assertTrue(
        r.err().contains("warning[SHADOWED]: '" + name + "' hides " + hidden), () -> r.err());
    assertTrue(r.err().contains(" --> " + f + ":" + at + "\n"), r.err());
    assertTrue(r.err().contains("choose another name, e.g. '" + name + "_'"), r.err());
  }

  @Test
  void evalAndTheReplSayNothing() {
    Run r = CheckReportsTest.devq("eval", "let devices = [iphone_12]", "devices");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("", r.err());
  }

  @Test
  void checkJsonCarriesTheWarning() throws Exception {
    Path f = Files.writeString(dir.resolve("s.devq"), "let devices = [iphone_12]\n1 < 2\n");
    Run r = CheckReportsTest.devq("check", "--format", "json", f.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("\"code\": \"SHADOWED\""), r.out());
  }
}
