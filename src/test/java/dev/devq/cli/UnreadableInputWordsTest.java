package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Input that cannot be read is said in plain words (as every command words an I/O failure), not as
 * the system's raw message, which for a missing or denied file is the path alone.
 */
class UnreadableInputWordsTest {
  @Test
  void standardInputThatIsAFolderIsSaidInWords() throws Exception {
    // `devq repl < some-folder`: the read fails with the system's "Is a directory"
    InputStream folder =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Is a directory");
          }
        };
    StringWriter err = new StringWriter();
    int code =
        Repl.fromStdin(
            Devq.load(), folder, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(ExitCodes.BAD_INPUT, code);
    assertEquals("devq: cannot read standard input: it is a directory", err.toString().strip());
  }

  /**
   * Bytes that are not UTF-8 were read as U+FFFD: "unexpected character '�'", a char never typed.
   */
  @Test
  void standardInputThatIsNotUtf8NamesTheByte() {
    var in = new ByteArrayInputStream(new byte[] {'1', ' ', '<', ' ', '2', '\n', (byte) 0xFF});
    StringWriter err = new StringWriter();
    int code =
        Repl.fromStdin(devq(), in, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(ExitCodes.BAD_INPUT, code);
    assertEquals(
        "devq: standard input is not UTF-8 text (the byte 0xFF on line 2, column 1)",
        err.toString().strip());
  }

  /** `yes | devq` read until memory ran out: input is capped as a query file is. */
  @Test
  void standardInputThatNeverEndsIsRefusedAtTheCap() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return '1';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) '1');
            return len;
          }
        };
    StringWriter err = new StringWriter();
    int code =
        Repl.fromStdin(devq(), endless, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(ExitCodes.BAD_INPUT, code);
    assertEquals(
        "devq: standard input is larger than 64 MB, the most devq reads", err.toString().strip());
  }

  private static Devq devq() {
    return DevqAssertions.devq();
  }
}
