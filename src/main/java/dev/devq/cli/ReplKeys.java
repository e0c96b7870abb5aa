package dev.devq.cli;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Buffer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.Widget;

/**
 * Where the REPL's keys differ from JLine's emacs bindings.
 *
 * <ul>
 *   <li>A bracketed paste (what a terminal sends for a paste since the REPL asked for it) that ends
 *       in a newline runs its lines as a plain paste does, one input after another. JLine puts the
 *       whole paste into the line and waits at the continuation prompt.
 *   <li>Ctrl-D with text on the line deletes the character under the cursor (and does nothing at
 *       its end), and on the empty line of an unfinished input drops that input, as Ctrl-C does.
 *       JLine's {@code delete-char-or-list} listed every completion there instead. On an empty
 *       first line it ends the session.
 * </ul>
 */
final class ReplKeys {
  /** The widget Ctrl-D runs. */
  static final String DELETE_OR_DROP = "devq-delete-char-or-drop-input";

  private ReplKeys() {}

  /** Binds the REPL's keys on {@code reader}. */
  static void install(LineReader reader) {
    Widget paste = reader.getBuiltinWidgets().get(LineReader.BEGIN_PASTE);
    Widget delete = reader.getBuiltinWidgets().get(LineReader.DELETE_CHAR);
    reader.getWidgets().put(LineReader.BEGIN_PASTE, () -> paste(reader, paste));
    reader.getWidgets().put(DELETE_OR_DROP, () -> deleteOrDrop(reader, delete));
    KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
    main.bind(new Reference(DELETE_OR_DROP), KeyMap.ctrl('D'));
  }

  /**
   * JLine's paste, then, when the pasted text ends with a newline, the text taken out of the line
   * again and typed instead, so that each of its lines runs (or continues the input) as if typed.
   */
  private static boolean paste(LineReader reader, Widget builtin) {
    Buffer buffer = reader.getBuffer();
    int from = buffer.cursor();
    boolean pasted = builtin.apply();
    String text = buffer.substring(from, buffer.cursor());
    if (!text.endsWith("\n")) {
      return pasted;
    }
    buffer.backspace(text.length());
    // a tab typed would complete, which no pasted tab asks for
    reader.runMacro(text.replace('\t', ' '));
    return true;
  }

  private static boolean deleteOrDrop(LineReader reader, Widget delete) {
    Buffer buffer = reader.getBuffer();
    String text = buffer.toString();
    if (text.isEmpty()) {
      // JLine ends the session itself when the terminal's EOF character is Ctrl-D; here whatever
      // the terminal says
      throw new EndOfFileException();
    }
    boolean emptyContinuation =
        text.indexOf('\n') >= 0 && text.substring(text.lastIndexOf('\n') + 1).isBlank();
    if (buffer.cursor() == text.length() && emptyContinuation) {
      // the continuation prompt's empty line: leave the unfinished input as Ctrl-C does
      throw new UserInterruptException(text);
    }
    return delete.apply();
  }
}
