package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree whose directories keep their recorded times is checked by looking up each recorded file
 * (no listing); every change a start must refuse is still found on that path, and on the listing's
 * when a directory's time moved. ({@code SnapshotTest} covers copies, whose times all differ.)
 */
class ProfileFingerprintTest {
  private static Path shipped;
  private static ProfileFingerprint recorded;

  @BeforeAll
  static void record() throws IOException {
    shipped = DevqAssertions.projectDir().resolve("profiles");
    recorded = ProfileFingerprint.of(shipped);
  }

  @Test
  void everyDirectoryIsRecordedAndTheFingerprintReadsBackAsWritten() throws IOException {
    assertEquals("", recorded.directories().get(0).path(), "the root itself comes first");
    assertTrue(recorded.directories().stream().anyMatch(d -> d.path().equals("socs")));
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      recorded.write(out);
    }
    assertEquals(recorded, ProfileFingerprint.read(ByteBuffer.wrap(bytes.toByteArray())));
  }

  @Test
  void anUntouchedTreeMatchesPathByPath(@TempDir Path dir) throws IOException {
    Path copy = copyWithTimes(dir);
    assertTrue(recorded.sameDirectories(copy), "every directory has its recorded time");
    assertTrue(recorded.matches(copy));
  }

  @Test
  void anEditInPlaceIsFoundThoughNoDirectoryChanged(@TempDir Path dir) throws IOException {
    Path copy = copyWithTimes(dir);
    Path a16 = copy.resolve("socs/a16.yaml");
    Files.writeString(a16, Files.readString(a16) + "\n");
    assertTrue(recorded.sameDirectories(copy), "writing a file leaves its directory's time");
    assertFalse(recorded.matches(copy), "a longer file");
  }

  @Test
  void anEditOfTheSameSizeIsFoundByItsChecksum(@TempDir Path dir) throws IOException {
    Path copy = copyWithTimes(dir);
    SnapshotTest.editKeepingTheSize(copy.resolve("socs/a16.yaml"));
    assertTrue(recorded.sameDirectories(copy));
    assertFalse(recorded.matches(copy), "the same size, another time, other content");
  }

  @Test
  void anAddedDeletedOrRenamedFileMovesItsDirectorysTimeAndIsFound(@TempDir Path dir)
      throws IOException {
    Path added = copyWithTimes(dir.resolve("added"));
    Files.writeString(added.resolve("socs/zz_new.yaml"), "id: zz_new\n");
    assertFalse(recorded.matches(added), "an added profile");

    Path deleted = copyWithTimes(dir.resolve("deleted"));
    Files.delete(deleted.resolve("socs/a16.yaml"));
    assertFalse(recorded.matches(deleted), "a deleted profile");

    Path renamed = copyWithTimes(dir.resolve("renamed"));
    Files.move(renamed.resolve("socs/a16.yaml"), renamed.resolve("socs/a16_renamed.yaml"));
    assertFalse(recorded.matches(renamed), "a renamed profile");

    Path nested = copyWithTimes(dir.resolve("nested"));
    Files.createDirectory(nested.resolve("socs/more"));
    Files.writeString(nested.resolve("socs/more/a99.yaml"), "id: a99\n");
    assertFalse(recorded.matches(nested), "a profile in a new directory");

    for (Path changed : List.of(added, deleted, renamed, nested)) {
      assertFalse(recorded.sameDirectories(changed), changed + ": a directory's time moved");
    }
  }

  @Test
  void aMissingTreeDoesNotMatch(@TempDir Path dir) throws IOException {
    assertFalse(recorded.sameDirectories(dir.resolve("none")));
    assertFalse(recorded.matches(dir.resolve("none")));
  }

  /**
   * A copy of the shipped profiles in {@code into} with the times of the original: each file's,
   * then each directory's, deepest first (setting a file's time leaves its directory's).
   */
  private static Path copyWithTimes(Path into) throws IOException {
    Files.createDirectories(into);
    Path copy = into.resolve("profiles");
    List<Path> all;
    try (Stream<Path> files = Files.walk(shipped)) {
      all = files.toList();
    }
    for (Path p : all) {
      Files.copy(p, copy.resolve(shipped.relativize(p).toString()));
    }
    List<Path> deepestFirst =
        all.stream().sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
    for (Path p : deepestFirst) {
      Files.setLastModifiedTime(
          copy.resolve(shipped.relativize(p).toString()), Files.getLastModifiedTime(p));
    }
    return copy;
  }
}
