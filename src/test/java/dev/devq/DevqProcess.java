package dev.devq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the devq CLI in a fresh JVM, for what only a process shows: JVM limits and properties. */
public final class DevqProcess {
  /** Exit code and the merged standard output and error. */
  public record Result(int code, String output) {}

  private DevqProcess() {}

  public static Result run(List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    return runIn(Path.of("").toAbsolutePath(), jvmOptions, args);
  }

  /** {@link #run} in the working directory {@code dir}, for what devq reads or writes there. */
  public static Result runIn(Path dir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.devq.cli.Main"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("devq did not finish: " + command);
    }
    return new Result(p.exitValue(), out);
  }
}
