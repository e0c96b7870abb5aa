package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running {@code devq doc} with and without {@code --profiles} changes the knowledge-base hash, so
 * every result goes stale: by design, since the answers may differ, but the reason must say so
 * ("this run loads profiles from X …") and point to the front matter, where a bare "the knowledge
 * base changed" sent users looking for a profile edit nobody made. A result written with overlays
 * records the shipped profiles' version beside the whole one; a document written without any keeps
 * markers as they always were.
 */
class OverlayStalenessTest {
  @TempDir Path dir;

  private static final String DOC = "# R\n\n```devq\nsize(mobilenet_v2) < 20MB\n```\n";

  private CheckReportsTest.Run devq(String... args) {
    return CheckReportsTest.devq(args);
  }

  @Test
  void addingOrLeavingOutProfilesSaysSoAndPointsToTheFrontMatter() throws IOException {
    Path doc = dir.resolve("review.md");
    Path extra = dir.resolve("extra");
    Files.createDirectories(extra.resolve("devices"));
    Files.writeString(extra.resolve("devices/none.yaml"), "devices: []\n");
    Files.writeString(doc, DOC);
    assertEquals(0, devq("doc", doc.toString()).code());
    String shippedOnly = Files.readString(doc);
    assertFalse(shippedOnly.contains("shipped="), "a marker without overlays is as it was");

    var added = devq("doc", "--check", "--profiles", extra.toString(), doc.toString());
    assertEquals(1, added.code(), added.out());
    assertTrue(
        added
            .out()
            .contains(
                "review.md:3: stale result: the knowledge base changed: this run loads profiles from "
                    + extra
                    + " in addition to the shipped ones; the document was written without them\n"),
        added.out());
    assertTrue(added.err().contains("list their folders in its front matter"), added.err());

    assertEquals(0, devq("doc", "--profiles", extra.toString(), doc.toString()).code());
    assertTrue(Files.readString(doc).contains(" shipped="), Files.readString(doc));
    assertEquals(0, devq("doc", "--check", "--profiles", extra.toString(), doc.toString()).code());

    var left = devq("doc", "--check", doc.toString());
    assertEquals(1, left.code(), left.out());
    assertTrue(
        left.out()
            .contains(
                "review.md:3: stale result: the knowledge base changed: the document was written"
                    + " with profiles loaded in addition to the shipped ones, and this run loads the"
                    + " shipped ones only\n"),
        left.out());
    assertTrue(left.err().contains("front matter"), left.err());

    assertEquals(0, devq("doc", doc.toString()).code());
    assertEquals(shippedOnly, Files.readString(doc), "back to the shipped profiles, byte for byte");
  }

  /** A marker with another shipped version: the shipped profiles changed, and only they. */
  @Test
  void otherShippedProfilesAreSaidApart() throws IOException {
    Path doc = dir.resolve("review.md");
    Files.writeString(doc, DOC);
    assertEquals(0, devq("doc", doc.toString()).code());
    String text = Files.readString(doc);
    Files.writeString(doc, text.replaceFirst("kb=[0-9a-f]+", "kb=000000000000"));
    var run = devq("doc", "--check", doc.toString());
    assertEquals(1, run.code());
    assertTrue(
        run.out()
            .contains(
                "stale result: the knowledge base changed: the shipped profiles are not the ones"
                    + " the document was written with\n"),
        run.out());
    assertFalse(run.err().contains("front matter"), run.err());
  }
}
