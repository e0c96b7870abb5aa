package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The launcher passes its folder as {@code devq.home} made absolute but not canonical (finding the
 * canonical form would start a process on every command): the shipped profiles are found from it
 * normalised.
 */
class ProfileRootsTest {
  @Test
  void theHomeTheLauncherGivesIsNormalised() {
    String before = System.getProperty("devq.home");
    try {
      System.setProperty("devq.home", "/opt/devq/src/../.");
      assertEquals(Path.of("/opt/devq/profiles"), ProfileRoots.shipped());
      System.setProperty("devq.home", "relative/./devq");
      assertEquals(Path.of("relative/devq/profiles").toAbsolutePath(), ProfileRoots.shipped());
    } finally {
      if (before == null) {
        System.clearProperty("devq.home");
      } else {
        System.setProperty("devq.home", before);
      }
    }
  }
}
