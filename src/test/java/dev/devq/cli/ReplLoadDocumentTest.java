package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code :load} of a review document runs its devq blocks in the session as {@code devq check} runs
 * them: the profile overlays its front matter names are loaded (confined to the document's folder),
 * and the session goes on with them; a refused front matter or a failing block keeps nothing.
 */
class ReplLoadDocumentTest {
  private static final Path DIR =
      DevqAssertions.projectDir().resolve("src/test/resources/fixtures/front-matter");

  @Test
  void aDocumentsFrontMatterOverlaysJoinTheSession() throws IOException {
    Path doc = DIR.resolve("review.md");
    ReplTest.Transcript t = ReplTest.run(":load " + doc + "\nmacbook_pro_16_m4_max_128.ram\n");
    assertTrue(
        t.output().contains("profiles of " + doc + "'s front matter are in the session"),
        t.output());
    assertTrue(t.output().contains("PASS"), t.output());
    assertTrue(t.output().contains("loaded 1 statement from " + doc), t.output());
    assertTrue(t.output().contains("128 GB"), t.output());
    assertEquals(List.of(DIR.resolve("overlay")), t.state().documentProfiles);
    assertTrue(t.state().devq.isEntity("macbook_pro_16_m4_max_128"));
  }

  @Test
  void anOverlayOutsideTheDocumentsFolderIsRefusedAndNothingLoaded() throws IOException {
    Path doc = DIR.resolve("sub/sibling-overlay.md");
    var state = new ReplState(DevqAssertions.devq());
    Devq before = state.devq;
    ReplTest.Transcript t = ReplTest.run(state, ":load " + doc + "\n");
    assertTrue(t.output().contains("nothing of " + doc + " was loaded"), t.output());
    assertSame(before, t.state().devq);
    assertFalse(t.state().devq.isEntity("macbook_pro_16_m4_max_128"));
    assertEquals(List.of(), t.state().documentProfiles);
  }

  @Test
  void aDocumentWithoutDevqFrontMatterRunsItsBlocksOnTheSessionsKnowledgeBase() throws IOException {
    Path doc = DIR.resolve("other-tools.md");
    var state = new ReplState(DevqAssertions.devq());
    Devq before = state.devq;
    ReplTest.Transcript t = ReplTest.run(state, ":load " + doc + "\n");
    assertTrue(t.output().contains("loaded 1 statement from " + doc), t.output());
    assertFalse(t.output().contains("front matter"), t.output());
    assertSame(before, t.state().devq);
  }
}
