package dev.devq.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a file a user named (a query file, a review document, a CSV of measurements, a profile):
 * regular files only, so a FIFO or a device never blocks and {@code /dev/zero} is never read; the
 * size is checked before reading and the read stops at the cap, so a huge or growing file costs no
 * more than the cap; the text must be UTF-8, and a leading byte-order mark is dropped, since
 * editors on Windows write one and it would otherwise hide a header or a fence on the first line.
 *
 * <pre>{@code
 * String csv = UserFile.text(Path.of("measurements.csv"), UserFile.MAX_BYTES);
 * }</pre>
 */
public final class UserFile {
  /**
   * The default cap: far above any query file, document or CSV a person writes, and small enough to
   * read and scan in a second or two on a CI runner.
   */
  public static final long MAX_BYTES = 64L << 20;

  /** The byte-order mark as a character, as a decoder leaves it at the start of the text. */
  public static final String BOM = "\uFEFF";

  /**
   * Where a refusal stands in a file's text: the text as read with each byte that is not UTF-8
   * shown as U+FFFD, and the offset of the first such byte in it.
   */
  public record Place(String text, int offset) {}

  /** Why a file was not read: a message fragment such as "is not a regular file". */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient UserFile.Place place;

    Refused(String message) {
      this(message, null);
    }

    Refused(String message, UserFile.Place place) {
      super(message, null, false, false);
      this.place = place;
    }

    /**
     * Where in the file the refusal stands, for text that is not UTF-8: the text as read with each
     * bad byte shown as U+FFFD, and the offset of the first; empty for a refusal of the whole file.
     */
    public java.util.Optional<UserFile.Place> place() {
      return java.util.Optional.ofNullable(place);
    }
  }

  private UserFile() {}

  /** The file's text without a leading byte-order mark. */
  public static String text(Path path, long maxBytes) throws Refused {
    return withoutBom(decode(bytes(path, maxBytes)));
  }

  /** The file's bytes, at most {@code maxBytes} of them, from a regular file only. */
  public static byte[] bytes(Path path, long maxBytes) throws Refused {
    if (!Files.exists(path)) {
      throw new Refused("does not exist");
    }
    // Opening a FIFO blocks until a writer comes, and a device may never end: refuse both
    // before opening anything.
    if (!Files.isRegularFile(path)) {
      throw new Refused(
          Files.isDirectory(path)
              ? "is a directory, not a file"
              : "is not a regular file (a FIFO, socket or device is never read)");
    }
    try (SeekableByteChannel channel = Files.newByteChannel(path)) {
      return bytes(channel, maxBytes);
    } catch (NoSuchFileException e) {
      throw new Refused("does not exist");
    } catch (AccessDeniedException e) {
      throw new Refused("cannot be read: permission denied");
    } catch (IOException e) {
      throw new Refused(
          "cannot be read: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /**
   * The bytes of a file already opened (by a caller that words its own refusals of the path), at
   * most {@code maxBytes}: its size is checked before reading, and the read stops at the cap.
   */
  public static byte[] bytes(SeekableByteChannel channel, long maxBytes)
      throws Refused, IOException {
    if (channel.size() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    // The file may grow between the size check and the read: never read past the cap.
    return capped(Channels.newInputStream(channel), maxBytes);
  }

  /**
   * The text of a stream (standard input) without a leading byte-order mark, refused as a file is:
   * past {@code maxBytes} (input that never ends, {@code yes | devq}, is not read forever) or not
   * UTF-8.
   */
  public static String text(InputStream in, long maxBytes) throws Refused, IOException {
    return withoutBom(decode(capped(in, maxBytes)));
  }

  /** At most {@code maxBytes} of the stream, refused when there are more. */
  private static byte[] capped(InputStream in, long maxBytes) throws Refused, IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    return bytes;
  }

  /**
   * Strict UTF-8: a binary file is refused, not read as replacement characters, naming the first
   * byte that is not UTF-8 and its line and column, so a stray Latin-1 {@code é} in a long review
   * can be found.
   */
  public static String decode(byte[] bytes) throws Refused {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      // the bytes before the first bad one are UTF-8, so their text is the bad byte's offset
      throw new Refused(
          "is not UTF-8 text (" + place(bytes, bad) + ")",
          new UserFile.Place(
              new String(bytes, StandardCharsets.UTF_8),
              new String(bytes, 0, bad, StandardCharsets.UTF_8).length()));
    }
    return out.flip().toString();
  }

  /** "the byte 0xE9 on line 4, column 5": where the first byte that is not UTF-8 stands. */
  private static String place(byte[] bytes, int bad) {
    int lineStart = 0;
    int line = 1;
    for (int i = 0; i < bad; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
    return String.format(
        Locale.ROOT,
        "the byte 0x%02X on line %d, column %d",
        bytes[bad] & 0xFF,
        line,
        before.codePointCount(0, before.length()) + 1);
  }

  /** The text without one leading byte-order mark. */
  public static String withoutBom(String text) {
    return text.startsWith(BOM) ? text.substring(BOM.length()) : text;
  }

  private static Refused tooLarge(long maxBytes) {
    return new Refused(
        "is larger than "
            + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MB" : maxBytes + " bytes")
            + ", the most devq reads");
  }
}
