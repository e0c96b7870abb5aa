package dev.devq;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file the build ships beside devq's classes (the knowledge-base snapshot), mapped into memory
 * rather than copied out of the jar: a resource stream goes through a URL connection that opens the
 * jar a second time, and copies the bytes, which is a sizeable part of a one-shot start.
 *
 * <p>From a classes directory the file is mapped as it is. From a jar, the build stores these
 * entries uncompressed and first, so their local headers are found by stepping over the few entries
 * before them, without reading the jar's directory of several thousand entries. Anything else
 * (another packaging, a compressed entry) falls back to the resource stream.
 */
final class ShippedFile {
  private ShippedFile() {}

  /** Local headers read before giving up and asking the class loader. */
  private static final int ENTRIES_SEARCHED = 8;

  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int LOCAL_HEADER_SIZE = 30;
  private static final int STORED = 0;

  /** The bytes of the resource {@code name} (as {@code /dev/devq/kb.snapshot}), or null. */
  static ByteBuffer read(String name) {
    try {
      Path home = home();
      if (home != null && Files.isDirectory(home)) {
        Path file = home.resolve(name.substring(1));
        if (Files.isRegularFile(file)) {
          return map(file, 0, Files.size(file));
        }
      } else if (home != null && Files.isRegularFile(home)) {
        ByteBuffer entry = storedEntry(home, name.substring(1));
        if (entry != null) {
          return entry;
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // read through the class loader below
    }
    try (InputStream in = ShippedFile.class.getResourceAsStream(name)) {
      return in == null ? null : ByteBuffer.wrap(in.readAllBytes());
    } catch (IOException e) {
      return null;
    }
  }

  /** Where devq's classes are: a directory or a jar; null when unknown. */
  private static Path home() throws URISyntaxException {
    var source = ShippedFile.class.getProtectionDomain().getCodeSource();
    return source == null ? null : Path.of(source.getLocation().toURI());
  }

  /** The uncompressed entry {@code name} among the first entries of {@code jar}, or null. */
  static ByteBuffer storedEntry(Path jar, String name) throws IOException {
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(jar)) {
      long offset = 0;
      ByteBuffer header = ByteBuffer.allocate(LOCAL_HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < ENTRIES_SEARCHED; i++) {
        header.clear();
        if (channel.read(header, offset) != LOCAL_HEADER_SIZE || header.getInt(0) != LOCAL_HEADER) {
          return null;
        }
        int flags = header.getShort(6) & 0xffff;
        int method = header.getShort(8) & 0xffff;
        long size = header.getInt(18) & 0xffffffffL;
        int nameLength = header.getShort(26) & 0xffff;
        int extraLength = header.getShort(28) & 0xffff;
        if ((flags & 8) != 0) {
          return null; // sizes after the data: cannot step over it without the directory
        }
        ByteBuffer entryName = ByteBuffer.allocate(nameLength);
        channel.read(entryName, offset + LOCAL_HEADER_SIZE);
        long data = offset + LOCAL_HEADER_SIZE + nameLength + extraLength;
        if (entryName.flip().equals(ByteBuffer.wrap(wanted))) {
          return method == STORED ? map(channel, data, size) : null;
        }
        offset = data + size;
      }
      return null;
    }
  }

  private static ByteBuffer map(Path file, long offset, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      return map(channel, offset, size);
    }
  }

  /** A mapping outlives its channel: the snapshot's deferred parts read it later. */
  private static ByteBuffer map(FileChannel channel, long offset, long size) throws IOException {
    return channel.map(FileChannel.MapMode.READ_ONLY, offset, size);
  }
}
