package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.DiagnosticRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile of an overlay that does not parse is bad input said at its place ({@code PROFILE}, exit
 * 2): a folder named {@code x.yaml}, bytes that are not UTF-8 (at the first, with a caret), YAML
 * that does not parse. Only the system failing to read a file is {@code IO}; no permission is the
 * user's to mend, and said in words, not as a Java exception's name.
 */
class ProfileFileProblemsTest {
  private static final Path SHIPPED = DevqAssertions.projectDir().resolve("profiles");

  @TempDir Path dir;

  private Diagnostic onlyError(String file, byte[] content) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.write(path, content);
    return onlyError();
  }

  private Diagnostic onlyError() {
    ProfileLoader.Result r = ProfileLoader.load(List.of(SHIPPED, dir));
    assertFalse(r.ok());
    assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
    return r.diagnostics().get(0);
  }

  @Test
  void aFolderNamedLikeAProfileIsAProfileError() throws IOException {
    Files.createDirectories(dir.resolve("devices/x.yaml"));
    Diagnostic d = onlyError();
    assertEquals(DiagnosticCode.PROFILE, d.code());
    assertEquals("cannot read this profile: it is a folder, not a YAML file", d.message());
    assertTrue(d.position().endsWith("devices/x.yaml:1:1"), d.position());
    assertTrue(
        d.notes().get(0).startsWith("a profile is a file; rename the folder"),
        d.notes().toString());
  }

  @Test
  void bytesThatAreNotUtf8AreShownAtTheFirstWithACaret() throws IOException {
    byte[] latin1 = {
      'd',
      'e',
      'v',
      'i',
      'c',
      'e',
      's',
      ':',
      '\n',
      ' ',
      '-',
      ' ',
      'i',
      'd',
      ':',
      ' ',
      'c',
      'a',
      'f',
      (byte) 0xE9,
      '\n'
    };
    Diagnostic d = onlyError("devices/bytes.yaml", latin1);
    assertEquals(DiagnosticCode.PROFILE, d.code());
    assertTrue(d.position().endsWith("devices/bytes.yaml:2:11"), d.position());
    String shown = DiagnosticRenderer.render(List.of(d));
    assertTrue(shown.contains("2 |  - id: caf\uFFFD\n"), shown);
    assertTrue(shown.contains("  |           ^ not UTF-8\n"), shown);
    assertTrue(shown.contains("the byte 0xE9 on line 2, column 11"), shown);
  }

  @Test
  void yamlThatDoesNotParseIsAtItsLine() throws IOException {
    Diagnostic d =
        onlyError(
            "devices/bad.yaml",
            "devices:\n  - id: x\n    name: [oops\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(DiagnosticCode.PROFILE, d.code());
    assertTrue(d.position().endsWith("devices/bad.yaml:3:11"), d.position());
  }

  @Test
  void noPermissionIsTheUsersToMendAndADiskErrorIsIo() {
    Diagnostic denied =
        ProfileFileProblems.unreadable(
            "p/devices/a.yaml", new AccessDeniedException("x"), "profile");
    assertEquals(DiagnosticCode.PROFILE, denied.code());
    assertEquals("cannot read this profile: permission denied", denied.message());
    Diagnostic disk =
        ProfileFileProblems.unreadable(
            "p/devices/a.yaml",
            new FileSystemException("x", null, "Input/output error"),
            "profile");
    assertEquals(DiagnosticCode.IO, disk.code());
    assertEquals("cannot read this profile: Input/output error", disk.message());
  }
}
