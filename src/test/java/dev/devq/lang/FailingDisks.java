package dev.devq.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Disks that fail at one step of {@link AtomicReplace}, for tests that a failure loses nothing. */
public final class FailingDisks {
  private FailingDisks() {}

  /** A disk that fills up half-way through the new bytes: "No space left on device". */
  public static final AtomicReplace.Io FULL =
      new AtomicReplace.Io() {
        @Override
        public void write(Path file, byte[] bytes) throws IOException {
          Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
          throw new IOException("No space left on device");
        }

        @Override
        public void move(Path from, Path to) {
          throw new AssertionError("must not move after a failed write");
        }
      };

  /** A disk that writes, but whose rename fails: "Operation not permitted". */
  public static final AtomicReplace.Io FAILING_MOVE =
      new AtomicReplace.Io() {
        @Override
        public void write(Path file, byte[] bytes) throws IOException {
          AtomicReplace.DISK.write(file, bytes);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
          throw new IOException("Operation not permitted");
        }
      };
}
