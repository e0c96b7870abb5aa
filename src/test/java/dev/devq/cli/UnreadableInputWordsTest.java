package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.Devq;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
}
