package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.LoadException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile of a {@code --profiles} folder that does not parse is bad input (exit 2) said at its
 * file, line and column; a failure of the system reading one is an I/O failure (exit 3).
 */
class ProfileReadFailureTest {
  @TempDir Path dir;

  @Test
  void profileThatIsNotUtf8IsBadInputAtItsByte() throws IOException {
    Files.createDirectories(dir.resolve("devices"));
    Files.write(
        dir.resolve("devices/bytes.yaml"),
        new byte[] {'d', 'e', 'v', 'i', 'c', 'e', 's', ':', ' ', (byte) 0xFF, '\n'});
    var run = CheckReportsTest.devq("eval", "--profiles", dir.toString(), "a16.year");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("error[PROFILE]: file is not UTF-8 text"), run.err());
    assertTrue(run.err().contains("devices/bytes.yaml:1:10\n"), run.err());
  }

  @Test
  void aFolderNamedLikeAProfileIsBadInput() throws IOException {
    Files.createDirectories(dir.resolve("socs/x.yaml"));
    var run = CheckReportsTest.devq("eval", "--profiles", dir.toString(), "a16.year");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("it is a folder, not a YAML file"), run.err());
  }

  @Test
  void aProfileTheSystemFailedToReadEndsWithExitThree() {
    Diagnostic io =
        Diagnostic.error(
            DiagnosticCode.IO,
            "cannot read this profile: Input/output error",
            new SourceText("p/devices/a.yaml", ""),
            Span.at(0));
    Diagnostic bad =
        Diagnostic.error(
            DiagnosticCode.PROFILE, "file is empty", new SourceText("p/b.yaml", ""), Span.at(0));
    var err = new PrintWriter(new StringWriter());
    assertEquals(3, Loader.failed(new LoadException(List.of(bad, io)), err).exitCode());
    assertEquals(2, Loader.failed(new LoadException(List.of(bad)), err).exitCode());
  }

  /**
   * A CI step reading a report file must see the failure: a JUnit, Markdown or CSV report of a
   * check whose profiles do not load holds their error, where it was empty.
   */
  @Test
  void aReportOfACheckWhoseProfilesFailHoldsTheirError() throws IOException {
    Files.createDirectories(dir.resolve("devices"));
    Files.writeString(dir.resolve("devices/x.yaml"), "devices: [\n");
    Path query = dir.resolve("q.devq");
    Files.writeString(query, "check a16.year > 2000\n");
    for (String format : List.of("junit", "markdown", "csv")) {
      var run =
          CheckReportsTest.devq(
              "check", "--format", format, "--profiles", dir.toString(), query.toString());
      assertEquals(2, run.code(), format + ": " + run.err());
      assertTrue(run.out().contains("malformed YAML"), format + ": " + run.out());
      assertTrue(run.out().contains("x.yaml"), format + ": " + run.out());
    }
  }
}
