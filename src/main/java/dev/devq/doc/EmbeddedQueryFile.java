package dev.devq.doc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Reads the query file a fence names ({@code ```devq file=queries/camera.devq}). CI runs {@code
 * devq doc --check} on documents it did not write, so a document may only read {@code .devq} files
 * inside its own folder tree: no absolute paths out of it, no {@code ..} past it, no symbolic link
 * leading out, no devices, FIFOs or {@code /proc} files, nothing over {@link #MAX_BYTES}. A refused
 * file's content is never read, so it is never echoed in an error.
 */
final class EmbeddedQueryFile {
  /** The largest query file a document may embed. */
  static final long MAX_BYTES = 4L << 20;

  /** Why a file was not read; the message is a complete sentence fragment for a diagnostic. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private EmbeddedQueryFile() {}

  /** The text of {@code arg} relative to the document's folder {@code dir}. */
  static String read(Path dir, String arg) throws Refused {
    Path root = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
    Path file = root.resolve(arg).normalize();
    if (!file.startsWith(root)) {
      throw new Refused("is outside the document's folder; a document reads only files below it");
    }
    if (!file.getFileName().toString().endsWith(".devq")) {
      throw new Refused("is not a query file (.devq)");
    }
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          && !(Files.isSymbolicLink(file) && Files.isRegularFile(file))) {
        throw new Refused(Files.exists(file) ? "is not a regular file" : "does not exist");
      }
      Path real = file.toRealPath();
      if (!real.startsWith(root.toRealPath())) {
        throw new Refused("leads outside the document's folder through a symbolic link");
      }
      if (Files.size(real) > MAX_BYTES) {
        throw new Refused("is larger than " + (MAX_BYTES >> 20) + " MB");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(real)) {
        // the size may change between the check and the read: never read past the cap
        bytes = in.readNBytes((int) MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        throw new Refused("is larger than " + (MAX_BYTES >> 20) + " MB");
      }
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new Refused("is not UTF-8 text");
    } catch (IOException e) {
      throw new Refused("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
