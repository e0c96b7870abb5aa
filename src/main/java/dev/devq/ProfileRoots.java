package dev.devq;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shipped profiles: the {@code devq.home} system property (the launcher sets it), else
 * the project that holds the running jar ({@code target/devq.jar}), else the working directory.
 */
final class ProfileRoots {
  private ProfileRoots() {}

  static Path shipped() {
    String home = System.getProperty("devq.home");
    if (home != null && !home.isBlank()) {
      return Path.of(home).toAbsolutePath().normalize().resolve("profiles");
    }
    try {
      var location = Devq.class.getProtectionDomain().getCodeSource();
      if (location != null) {
        Path jar = Path.of(location.getLocation().toURI());
        for (Path p = jar; p != null; p = p.getParent()) {
          if (Files.isRegularFile(p.resolve("profiles").resolve("sources.yaml"))) {
            return p.resolve("profiles");
          }
        }
      }
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      // fall through to the working directory
    }
    return Path.of("profiles").toAbsolutePath();
  }
}
