package dev.devq.query.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.AstBuilder;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.unit.UnitRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The table "What a product counts" of docs/language.md, row by row: each row's examples checked
 * for the type (dimension and what it counts) or the error the row says, and every row of the table
 * covered by an example written in it.
 */
class CountAlgebraTest {
  /**
   * Row, query, then the result's dimension and what it counts, or {@code error: message} and the
   * operand the error is at.
   */
  private static final String ROWS =
      """
      1  | 2 * a16.cpu.p_core_clock                            | Frequency CYCLES   |
      1  | a16.cpu.p_core_clock * 2                            | Frequency CYCLES   |
      1  | 3 * 128 tok                                         | 1 TOKENS           |
      1  | 2 * (1 / a16.cpu.p_core_clock)                      | Time CYCLES        |
      2  | latency(mobilenet_v2, a16) * a16.cpu.p_core_clock   | 1 CYCLES           |
      2  | a16.cpu.p_core_clock * latency(mobilenet_v2, a16)   | 1 CYCLES           |
      2  | 30 fps * 1 h                                        | 1 FRAMES           |
      2  | latency(mobilenet_v2, a16) / latency(mobilenet_v2, a16) * 1 s * (1 / 1 s) | 1 UNMARKED |
      2  | a16.cpu.p_core_clock * (1 / a16.cpu.p_core_clock)  | 1 CYCLES           |
      3  | 128 tok * 2 fps                                     | Frequency TOKENS   |
      3  | 2 fps * 128 tok                                     | Frequency TOKENS   |
      3  | latency(mobilenet_v2, a16) * a16.cpu.p_core_clock * (1 / latency(mobilenet_v2, a16)) | Frequency CYCLES |
      4  | energy(mobilenet_v2, a16) * 30 fps                  | Power UNMARKED     |
      4  | 30 fps * energy(mobilenet_v2, a16)                  | Power UNMARKED     |
      4  | energy(mobilenet_v2, a16) * 20 tok/s                | Power UNMARKED     |
      4  | energy(mobilenet_v2, a16) / latency(mobilenet_v2, a16) | Power UNMARKED  |
      5  | energy(mobilenet_v2, a16) * a16.cpu.p_core_clock    | error: an energy times a clock is no power | a16.cpu.p_core_clock
      5  | a16.cpu.p_core_clock * energy(mobilenet_v2, a16)    | error: an energy times a clock is no power | a16.cpu.p_core_clock
      5  | energy(mobilenet_v2, a16) * 3 GHz                   | error: an energy times a clock is no power | 3 GHz
      5  | energy(mobilenet_v2, a16) * (latency(mobilenet_v2, a16) * a16.cpu.p_core_clock / latency(mobilenet_v2, a16)) | error: an energy times a clock is no power | latency(mobilenet_v2, a16) * a16.cpu.p_core_clock / latency(mobilenet_v2, a16)
      5  | energy(mobilenet_v2, a16) * (1 / (1 / a16.cpu.p_core_clock)) | error: an energy times a clock is no power | 1 / (1 / a16.cpu.p_core_clock)
      6  | a16.ane.power * (1 / a16.cpu.p_core_clock)          | error: a power times the time of a core's cycles is no energy of a prediction | 1 / a16.cpu.p_core_clock
      6  | (1 / a16.cpu.p_core_clock) * a16.ane.power          | error: a power times the time of a core's cycles is no energy of a prediction | 1 / a16.cpu.p_core_clock
      6  | a16.ane.power * ((1 / a16.cpu.p_core_clock) in ns)  | error: a power times the time of a core's cycles is no energy of a prediction | (1 / a16.cpu.p_core_clock) in ns
      7  | a16.bandwidth * 10 ms                               | Bytes UNMARKED     |
      7  | 128 tok * 3 GHz                                     | Frequency UNMARKED |
      7  | 30 fps * 20 tok/s                                   | Time⁻² UNMARKED    |
      7  | energy(mobilenet_v2, a16) * (1 / a16.cpu.p_core_clock) | Energy·Time UNMARKED |
      8  | a16.cpu.p_core_clock / 2                            | Frequency CYCLES   |
      8  | 128 tok / 2                                         | 1 TOKENS           |
      8  | (1 / a16.cpu.p_core_clock) / 2                      | Time CYCLES        |
      9  | 1 / a16.cpu.p_core_clock                            | Time CYCLES        |
      9  | 1e9 / a16.cpu.p_core_clock                          | Time CYCLES        |
      9  | latency(mobilenet_v2, a16) * a16.cpu.p_core_clock / 3 GHz | Time CYCLES  |
      10 | 1 / (1 / a16.cpu.p_core_clock)                      | Frequency CYCLES   |
      11 | latency(mobilenet_v2, a16) / (1 / a16.cpu.p_core_clock) | 1 CYCLES       |
      12 | energy(mobilenet_v2, a16) / (1 / a16.cpu.p_core_clock) | error: an energy over the time of a core's cycles is no power | 1 / a16.cpu.p_core_clock
      12 | energy(mobilenet_v2, a16) / (2 / a16.cpu.p_core_clock) | error: an energy over the time of a core's cycles is no power | 2 / a16.cpu.p_core_clock
      12 | energy(mobilenet_v2, a16) / (latency(mobilenet_v2, a16) * a16.cpu.p_core_clock / a16.cpu.p_core_clock) | error: an energy over the time of a core's cycles is no power | latency(mobilenet_v2, a16) * a16.cpu.p_core_clock / a16.cpu.p_core_clock
      12 | energy(mobilenet_v2, a16) / ((1 / a16.cpu.p_core_clock) in ns) | error: an energy over the time of a core's cycles is no power | (1 / a16.cpu.p_core_clock) in ns
      12 | energy(mobilenet_v2, a16) / (1 / a16.cpu.p_core_clock + 1 ms) | error: an energy over the time of a core's cycles is no power | 1 / a16.cpu.p_core_clock + 1 ms
      12 | energy(mobilenet_v2, a16) / (latency(mobilenet_v2, a16) - 1 / a16.cpu.p_core_clock) | error: an energy over the time of a core's cycles is no power | latency(mobilenet_v2, a16) - 1 / a16.cpu.p_core_clock
      13 | 128 tok / 2 s                                       | Frequency TOKENS   |
      13 | 1 / latency(mobilenet_v2, a16)                      | Frequency UNMARKED |
      13 | latency(mobilenet_v2, a16) * a16.cpu.p_core_clock / latency(mobilenet_v2, a16) | Frequency CYCLES |
      14 | 1000 / 30 fps                                       | Time UNMARKED      |
      15 | 128 tok / 20 tok/s                                  | Time UNMARKED      |
      15 | 128 tok / (1 / latency(mobilenet_v2, a16))          | Time UNMARKED      |
      16 | 128 tok / 30 fps                                    | error: a count of tokens divided by a frame rate | 30 fps
      16 | latency(mobilenet_v2, a16) * a16.cpu.p_core_clock / 20 tok/s | error: a count of cycles divided by a token rate | 20 tok/s
      17 | a16.cpu.p_core_clock / fps(mobilenet_v2, a16)       | 1 CYCLES           |
      17 | 20 tok/s / 2 fps                                    | 1 TOKENS           |
      18 | 3 GHz / a16.cpu.p_core_clock                        | 1 UNMARKED         |
      18 | fps(mobilenet_v2, a16) / 30 fps                     | 1 UNMARKED         |
      18 | a16.cpu.p_core_clock / 20 tok/s                     | 1 UNMARKED         |
      19 | a16.ane.power / 30 fps                              | Energy UNMARKED    |
      19 | a16.ane.power / decode_rate(qwen3_0_6b, iphone_15_pro) | Energy UNMARKED    |
      20 | a16.ane.power / 3 GHz                               | error: a power over a clock is no energy of a prediction | 3 GHz
      20 | a16.ane.power / a16.cpu.p_core_clock                | error: a power over a clock is no energy of a prediction | a16.cpu.p_core_clock
      21 | energy(mobilenet_v2, a16) / latency(mobilenet_v2, a16) | Power UNMARKED  |
      21 | a16.bandwidth / 1 GB                                | Frequency UNMARKED |
      21 | (1 / a16.cpu.p_core_clock) / (1 / 3 GHz)            | 1 UNMARKED         |
      """;

  @ParameterizedTest(name = "row {0}: {1}  =>  {2}")
  @CsvSource(delimiter = '|', textBlock = ROWS)
  void eachRowGivesWhatTheTableSays(int row, String query, String expected, String at) {
    var source = new SourceText("<q>", query);
    CheckResult checked = checked(source);
    if (expected.startsWith("error: ")) {
      assertEquals(1, checked.diagnostics().size(), checked.diagnostics().toString());
      Diagnostic d = checked.diagnostics().get(0);
      assertEquals(DiagnosticCode.DIMENSION_MISMATCH, d.code());
      assertTrue(d.message().startsWith(expected.substring("error: ".length())), d.message());
      assertEquals(at, source.slice(d.span()).strip(), "the error is at the operand to change");
      assertTrue(!d.notes().isEmpty(), "the error says what to write instead");
      return;
    }
    assertTrue(checked.ok(), checked.diagnostics().toString());
    Type.Quantity q = (Type.Quantity) checked.expr().type();
    assertEquals(expected, UnitRegistry.standard().name(q.dimension()) + " " + q.rate(), query);
  }

  /**
   * The time of a core's cycles is still a time: it adds to, converts like and compares with any
   * time, and stays the time of cycles where a sum or a conversion keeps it.
   */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1 / a16.cpu.p_core_clock + 1 ms                        | Time CYCLES
          latency(mobilenet_v2, a16) - 1 / a16.cpu.p_core_clock  | Time CYCLES
          (1 / a16.cpu.p_core_clock) in ns                        | Time CYCLES
          1 / a16.cpu.p_core_clock < 1 ns                         | a boolean
          latency(mobilenet_v2, a16) > 1 / a16.cpu.p_core_clock  | a boolean
          1 / a16.cpu.p_core_clock == 1 / 3 GHz                   | a boolean
          """)
  void aTimeOfCyclesIsStillATime(String query, String expected) {
    CheckResult checked = checked(new SourceText("<q>", query));
    assertTrue(checked.ok(), checked.diagnostics().toString());
    Type t = checked.expr().type();
    assertEquals(
        expected,
        t instanceof Type.Quantity q
            ? UnitRegistry.standard().name(q.dimension()) + " " + q.rate()
            : t.describe(),
        query);
  }

  private static CheckResult checked(SourceText source) {
    return Checker.check(
        DevqAssertions.engine().resolver(),
        source,
        Map.of(),
        AstBuilder.parseExpression(source).value(),
        false);
  }

  /** Every row of the documented table has an example here, and rows here are of the table. */
  @Test
  void everyRowOfTheDocumentedTableIsCovered() throws IOException {
    Map<Integer, String> documented = documentedRows();
    Set<Integer> tested = new TreeSet<>();
    for (String line : ROWS.strip().split("\n")) {
      tested.add(Integer.parseInt(line.split("\\|")[0].strip()));
    }
    assertEquals(documented.keySet(), tested);
    for (int n = 1; n <= documented.size(); n++) {
      assertTrue(documented.containsKey(n), "rows are numbered 1.." + documented.size());
    }
  }

  /** Each example the table writes is a row of this test (m, d read as mobilenet_v2, a16). */
  @Test
  void everyDocumentedExampleIsTested() throws IOException {
    List<String> tested = new ArrayList<>();
    for (String line : ROWS.strip().split("\n")) {
      String[] cells = line.split("\\|");
      tested.add(cells[0].strip() + " " + cells[1].strip().replace("mobilenet_v2, a16", "m, d"));
    }
    Pattern code = Pattern.compile("`([^`]+)`");
    documentedRows()
        .forEach(
            (row, example) -> {
              Matcher m = code.matcher(example);
              int found = 0;
              while (m.find()) {
                found++;
                assertTrue(
                    tested.contains(row + " " + m.group(1)),
                    "row " + row + "'s example " + m.group(1) + " is tested");
              }
              assertTrue(found > 0, "row " + row + " has an example");
            });
  }

  /** The table's rows by number: the example column of each. */
  private static Map<Integer, String> documentedRows() throws IOException {
    String doc =
        Files.readString(
            DevqAssertions.projectDir().resolve("docs/language.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("### What a product counts");
    assertTrue(start >= 0, "docs/language.md has the table");
    Map<Integer, String> rows = new TreeMap<>();
    for (String line : doc.substring(start).split("\n")) {
      Matcher m = Pattern.compile("^\\| (\\d+) \\|.*\\| ([^|]*) \\|$").matcher(line);
      if (m.find()) {
        rows.put(Integer.parseInt(m.group(1)), m.group(2));
      } else if (!rows.isEmpty() && !line.startsWith("|")) {
        break;
      }
    }
    return rows;
  }
}
