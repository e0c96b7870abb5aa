package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History that cannot be saved when the session ends is said with the file and the reason, as when
 * it cannot be saved from the start; the session still ends normally. "history is not saved: not a
 * directory" named no file.
 */
class ReplHistorySaveTest {
  @TempDir Path tmp;

  @Test
  void historyThatCannotBeSavedNamesItsFile() throws IOException {
    // its folder is a file: the write at the end fails whoever runs the test, root too
    Path folder = Files.writeString(tmp.resolve("state"), "not a folder\n");
    Path history = folder.resolve("history");
    var out = new ByteArrayOutputStream();
    var state = new ReplState(DevqAssertions.devq());
    try (var terminal =
        new DumbTerminal(
            "test",
            "dumb",
            new ByteArrayInputStream("1 + 1\n".getBytes(StandardCharsets.UTF_8)),
            out,
            StandardCharsets.UTF_8)) {
      var reader = InteractiveRepl.reader(terminal, state, history, false);
      assertEquals(ExitCodes.OK, InteractiveRepl.loop(state, reader, false));
    }
    String output = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        output.contains("devq: history is not saved: cannot write " + history + ": "), output);
  }
}
