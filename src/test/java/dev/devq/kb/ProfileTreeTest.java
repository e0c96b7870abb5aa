package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile folder (the shipped {@code profiles/} or a {@code --profiles} overlay) is listed once:
 * the layout check hands the loader each known directory's YAML files, sorted, and a misspelled
 * directory is reported, never read.
 */
class ProfileTreeTest {
  @TempDir Path root;

  @Test
  void listsEachKnownDirectorysYamlFilesOnce() throws IOException {
    Files.createDirectories(root.resolve("socs"));
    Files.createDirectories(root.resolve("device"));
    Files.writeString(root.resolve("socs/b.yaml"), "");
    Files.writeString(root.resolve("socs/a.yml"), "");
    Files.writeString(root.resolve("socs/README.md"), "");
    Files.writeString(root.resolve("device/x.yaml"), "");
    var problems = new Problems();
    Map<String, List<Path>> listed =
        ProfileTree.check(root, problems, p -> root.relativize(p).toString());
    assertEquals(
        Map.of("socs", List.of(root.resolve("socs/a.yml"), root.resolve("socs/b.yaml"))), listed);
    assertEquals(1, problems.diagnostics().size(), problems.diagnostics().toString());
    assertEquals("unknown profile directory 'device/'", problems.diagnostics().get(0).message());
  }
}
