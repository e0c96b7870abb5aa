package dev.devq;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * What the profile files under a root were when a snapshot was made: each file's path, size and
 * CRC-32C, and its modification time. Two fingerprints are the same profiles when paths, sizes and
 * checksums agree ({@link #text}): content, not times, since a checkout or a copy changes times but
 * not what the profiles say. The times only spare reading: {@link #matches} computes the checksum
 * of a file only when its time differs from the recorded one, so an untouched tree is checked by
 * its directory entries alone, and an edited file (its time changes) is still read and compared.
 */
record ProfileFingerprint(List<Entry> entries) {
  /** One file: its path under the root with '/' separators, size, time in ms, and CRC-32C. */
  record Entry(String path, long size, long modified, long crc) {}

  ProfileFingerprint {
    entries = List.copyOf(entries);
  }

  /** The fingerprint of every regular file under {@code root}, each file read. */
  static ProfileFingerprint of(Path root) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (File f : files(root)) {
      entries.add(new Entry(f.name(), f.size(), f.modified(), crc(f.path())));
    }
    return new ProfileFingerprint(entries);
  }

  /**
   * Whether the files under {@code root} are the ones this fingerprint was made of: the same paths
   * and sizes, and for each file whose time differs, the same checksum.
   */
  boolean matches(Path root) throws IOException {
    List<File> now = files(root);
    if (now.size() != entries.size()) {
      return false;
    }
    for (int i = 0; i < now.size(); i++) {
      File f = now.get(i);
      Entry e = entries.get(i);
      if (!f.name().equals(e.path()) || f.size() != e.size()) {
        return false;
      }
    }
    for (int i = 0; i < now.size(); i++) {
      File f = now.get(i);
      Entry e = entries.get(i);
      if (f.modified() != e.modified() && crc(f.path()) != e.crc()) {
        return false;
      }
    }
    return true;
  }

  /** The profiles' identity, times left out: {@code path size crc32c} lines. */
  String text() {
    var out = new StringBuilder();
    for (Entry e : entries) {
      out.append(e.path()).append(' ').append(e.size()).append(' ').append(e.crc()).append('\n');
    }
    return out.toString();
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(entries.size());
    for (Entry e : entries) {
      byte[] path = e.path().getBytes(StandardCharsets.UTF_8);
      out.writeInt(path.length);
      out.write(path);
      out.writeLong(e.size());
      out.writeLong(e.modified());
      out.writeLong(e.crc());
    }
  }

  /** What {@link #write} wrote; a count or length past the bytes left is not a fingerprint. */
  static ProfileFingerprint read(ByteBuffer in) throws IOException {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IOException("not a snapshot");
    }
    List<Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int length = in.getInt();
      if (length < 0 || length > in.remaining()) {
        throw new IOException("not a snapshot");
      }
      byte[] path = new byte[length];
      in.get(path);
      entries.add(
          new Entry(
              new String(path, StandardCharsets.UTF_8), in.getLong(), in.getLong(), in.getLong()));
    }
    return new ProfileFingerprint(entries);
  }

  private record File(Path path, String name, long size, long modified) {}

  /** Every regular file under {@code root}, sorted by path; none when it is not a directory. */
  private static List<File> files(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<File> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (a.isRegularFile()) {
          String name = root.relativize(p).toString().replace('\\', '/');
          files.add(new File(p, name, a.size(), a.lastModifiedTime().toMillis()));
        }
      }
    }
    return files;
  }

  private static long crc(Path file) throws IOException {
    var crc = new CRC32C();
    crc.update(Files.readAllBytes(file));
    return crc.getValue();
  }
}
