package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queries the README opens with are the first a reader copies: each must run, and each check
 * among them must hold as devq answers it today. The memory line once compared with the limit
 * without the entitlement, which failed while every estimate of the model said it runs.
 */
class ReadmeHeadlineTest {
  @Test
  void theReadmesFirstQueriesRunAndTheirChecksHold() throws IOException {
    List<String> queries = firstBlock(Path.of("README.md"));
    assertFalse(queries.isEmpty(), "the README opens with a block of queries");
    CheckReportsTest.Run run = CheckReportsTest.devq(withEval(queries));
    assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
    assertTrue(run.err().isEmpty(), run.err());
    assertFalse(run.out().contains("FAIL"), run.out());
    assertTrue(run.out().contains("PASS  memory("), run.out());
  }

  private static String[] withEval(List<String> queries) {
    List<String> args = new ArrayList<>(List.of("eval"));
    args.addAll(queries);
    return args.toArray(String[]::new);
  }

  /** The lines of the README's first fenced block. */
  private static List<String> firstBlock(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    int open = lines.indexOf("```");
    List<String> block = new ArrayList<>();
    for (int i = open + 1; open >= 0 && i < lines.size() && !lines.get(i).equals("```"); i++) {
      block.add(lines.get(i));
    }
    return block;
  }
}
