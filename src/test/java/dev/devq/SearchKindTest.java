package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.devq.lang.DiagnosticCode;
import org.junit.jupiter.api.Test;

/**
 * The facade refuses a search whose {@code kind:} filter names no kind, for every caller (the CLI,
 * the REPL, an embedding program), rather than answering that nothing matches.
 */
class SearchKindTest {
  @Test
  void aSearchOfAnUnknownKindIsRefusedWithTheNearestKind() throws Exception {
    Answer a = Devq.load().search("kind:devise iphone", new SearchOptions(null, null, null, 5));
    assertFalse(a.ok());
    assertEquals(
        "devq: unknown kind 'devise' in kind:devise; the kinds are op, soc, device, model (did you"
            + " mean 'kind:device'?)\n",
        a.error());
    assertEquals(DiagnosticCode.BAD_VALUE, a.errors().get(0).code());
  }
}
