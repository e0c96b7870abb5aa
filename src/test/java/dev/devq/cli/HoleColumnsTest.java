package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The targets that satisfy a check with a hole are listed in columns read downward, every one once,
 * on lines a 100-column terminal shows unbroken, where 148 ids took 148 lines.
 */
class HoleColumnsTest {
  @Test
  void manyTargetsFillColumnsAndNoneIsLostOrRepeated() throws Exception {
    var run = CheckReportsTest.devq("eval", "latency(mobilenet_v2, ?) < 100ms");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    int count = Integer.parseInt(lines.get(0).split(" ")[0]);
    assertTrue(count > 100, lines.get(0));
    List<String> ids =
        lines.stream().skip(1).flatMap(l -> Arrays.stream(l.trim().split(" +"))).toList();
    assertEquals(count, ids.size(), run.out());
    assertEquals(count, ids.stream().distinct().count(), run.out());
    assertTrue(lines.size() - 1 <= (count + 3) / 4, "four columns at least: " + lines.size());
    lines.forEach(l -> assertTrue(l.length() <= 100, l));
    // read downward, column after column, the ids come in the order JSON lists them
    List<String[]> rows = lines.stream().skip(1).map(l -> l.trim().split(" +")).toList();
    List<String> downward = new ArrayList<>();
    for (int c = 0; c < rows.get(0).length; c++) {
      for (String[] row : rows) {
        if (c < row.length) {
          downward.add(row[c]);
        }
      }
    }
    var json =
        CheckReportsTest.devq("eval", "--format", "json", "latency(mobilenet_v2, ?) < 100ms");
    List<String> listed = new ArrayList<>();
    new ObjectMapper().readTree(json.out()).get("targets").forEach(t -> listed.add(t.asText()));
    assertEquals(listed, downward);
  }
}
