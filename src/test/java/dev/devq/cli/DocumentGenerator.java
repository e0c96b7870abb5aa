package dev.devq.cli;

import java.util.Random;

/**
 * Review documents for the fuzz suite: prose, headings, lists and block quotes (sometimes nested
 * far too deep), devq fences with generated queries, stale or forged result regions, unclosed
 * fences, CRLF line ends and a byte-order mark.
 */
final class DocumentGenerator {
  private final Random random;
  private final QueryGenerator queries;

  DocumentGenerator(Random random, QueryGenerator queries) {
    this.random = random;
    this.queries = queries;
  }

  String document() {
    StringBuilder b = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
    int parts = 1 + random.nextInt(6);
    for (int i = 0; i < parts; i++) {
      b.append(
          switch (random.nextInt(8)) {
            case 0 -> "# Review " + i + "\n\n";
            case 1 -> "Some prose with `code` and a [link](x.md).\n\n";
            case 2 -> "- item\n  - nested item\n    > quoted\n\n";
            case 3 ->
                "> ".repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 5)) + "deep\n\n";
            case 4 -> "```python\nprint('not devq')\n```\n\n";
            case 5 -> "<!-- devq:result 0123456789ab -->\nforged\n<!-- devq:end -->\n\n";
            case 6 -> fence(random.nextInt(10) != 0);
            default -> fence(true);
          });
    }
    String text = b.toString();
    return random.nextInt(6) == 0 ? text.replace("\n", "\r\n") : text;
  }

  private String fence(boolean closed) {
    StringBuilder b = new StringBuilder("```devq\n");
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      b.append(random.nextBoolean() ? queries.generate() : queries.mutate()).append('\n');
    }
    return b.append(closed ? "```\n\n" : "").toString();
  }
}
