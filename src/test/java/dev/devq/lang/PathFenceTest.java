package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one confinement rule of paths a file names (a document's query files and profile folders, a
 * model's external data): {@code ..} past the fence, an absolute path elsewhere and a symbolic link
 * leading out are refused; paths that stay below it, however spelled, are kept.
 */
class PathFenceTest {
  @TempDir Path tmp;
  private Path root;
  private Path docs;

  @BeforeEach
  void tree() throws IOException {
    root = Files.createDirectories(tmp.resolve("repo"));
    docs = Files.createDirectories(root.resolve("docs"));
    Files.createDirectories(root.resolve("queries"));
    Files.writeString(root.resolve("queries/camera.devq"), "1 < 2\n");
    Files.writeString(tmp.resolve("secret.devq"), "1 < 2\n");
  }

  @ParameterizedTest(name = "{0}  stays in as  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ../queries/camera.devq         | queries/camera.devq
      ./../docs/../queries/a.devq    | queries/a.devq
      review.devq                    | docs/review.devq
      """)
  void keepsAPathBelowTheFence(String arg, String inside) throws PathFence.Outside {
    assertEquals(root.resolve(inside), new PathFence(root).resolve(docs, arg));
  }

  @ParameterizedTest(name = "{0}  is outside")
  @CsvSource({"../../secret.devq", "../queries/../../secret.devq", "../..", "/etc/passwd"})
  void refusesDotDotAndAbsolutePathsThatLeaveTheFence(String arg) {
    var e = assertThrows(PathFence.Outside.class, () -> new PathFence(root).resolve(docs, arg));
    assertFalse(e.throughLink());
  }

  @Test
  void anAbsolutePathInsideTheFenceIsKept() throws PathFence.Outside {
    String arg = root.resolve("queries/camera.devq").toString();
    assertEquals(Path.of(arg), new PathFence(root).resolve(docs, arg));
  }

  /** The fence is normalized too: {@code repo/docs/..} is {@code repo}. */
  @Test
  void aFenceSpelledWithDotDotIsTheFolderItNames() throws PathFence.Outside {
    var fence = new PathFence(docs.resolve(".."));
    assertEquals(
        root.resolve("queries/camera.devq"), fence.resolve(docs, "../queries/camera.devq"));
    assertThrows(PathFence.Outside.class, () -> fence.resolve(docs, "../../secret.devq"));
  }

  @Test
  void refusesASymbolicLinkThatPointsOut() throws Exception {
    Path link = Files.createSymbolicLink(docs.resolve("link.devq"), tmp.resolve("secret.devq"));
    var fence = new PathFence(root);
    Path file = fence.resolve(docs, "link.devq");
    var e = assertThrows(PathFence.Outside.class, () -> fence.real(file));
    assertTrue(e.throughLink());
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void refusesAPathThroughALinkedFolderThatPointsOut() throws Exception {
    Files.createSymbolicLink(docs.resolve("out"), tmp);
    var fence = new PathFence(root);
    Path file = fence.resolve(docs, "out/secret.devq");
    assertThrows(PathFence.Outside.class, () -> fence.real(file));
  }

  @Test
  void keepsASymbolicLinkThatStaysInside() throws Exception {
    Files.createSymbolicLink(docs.resolve("camera.devq"), Path.of("../queries/camera.devq"));
    var fence = new PathFence(root);
    assertEquals(
        root.resolve("queries/camera.devq").toRealPath(),
        fence.real(fence.resolve(docs, "camera.devq")));
  }

  /** A fence that is itself reached through a link holds what lies below where it leads. */
  @Test
  void aLinkedFenceHoldsWhatIsBelowItsTarget() throws Exception {
    Path alias = Files.createSymbolicLink(tmp.resolve("alias"), root);
    var fence = new PathFence(alias);
    Path file = fence.resolve(alias.resolve("docs"), "../queries/camera.devq");
    assertEquals(root.resolve("queries/camera.devq").toRealPath(), fence.real(file));
  }
}
