package dev.devq;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * What the profile files under a root were when a snapshot was made: each file's path, size and
 * CRC-32C, and its modification time; and the time of each directory. Two fingerprints are the same
 * profiles when paths, sizes and checksums agree ({@link #text}): content, not times, since a
 * checkout or a copy changes times but not what the profiles say. The times only spare work: {@link
 * #matches} computes the checksum of a file only when its time differs from the recorded one, and
 * lists the directories only when one of their times differs (a directory's time changes when an
 * entry in it is added, removed or renamed), so an untouched tree is checked by looking up each
 * recorded path, and an edited file (its time changes) is still read and compared.
 */
record ProfileFingerprint(List<Entry> entries, List<Directory> directories) {
  /** One file: its path under the root with '/' separators, size, time in ms, and CRC-32C. */
  record Entry(String path, long size, long modified, long crc) {}

  /** A directory: its path under the root ("" for the root itself) and its time in ms. */
  record Directory(String path, long modified) {}

  ProfileFingerprint {
    entries = List.copyOf(entries);
    directories = List.copyOf(directories);
  }

  /** The fingerprint of every regular file and directory under {@code root}, each file read. */
  static ProfileFingerprint of(Path root) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<Directory> directories = new ArrayList<>();
    for (File f : files(root, directories)) {
      entries.add(new Entry(f.name(), f.size(), f.modified(), crc(f.path())));
    }
    return new ProfileFingerprint(entries, directories);
  }

  /**
   * Whether the files under {@code root} are the ones this fingerprint was made of: the same paths
   * and sizes, and for each file whose time differs, the same checksum. While every recorded
   * directory keeps its time, no entry was added to, removed from or renamed in any of them, so
   * each recorded file is looked up by its path; otherwise the tree is listed and compared. Listing
   * it (a walk, sorting and relativising every path) was most of a start's check, ~13 ms of cold
   * code on the thread every one-shot command waits for; looking up ~120 paths is a few ms.
   */
  boolean matches(Path root) throws IOException {
    return sameDirectories(root) ? sameFiles(root) : listedFilesMatch(root);
  }

  /** Whether every recorded directory is still there with its recorded time. */
  boolean sameDirectories(Path root) {
    if (directories.isEmpty()) {
      return false; // nothing recorded: only a listing can tell
    }
    try {
      for (Directory d : directories) {
        BasicFileAttributes a =
            Files.readAttributes(root.resolve(d.path()), BasicFileAttributes.class);
        if (!a.isDirectory() || a.lastModifiedTime().toMillis() != d.modified()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false; // gone or unreadable: the listing says what is there
    }
  }

  /** Each recorded file looked up by its path: the same size, and if its time differs, content. */
  private boolean sameFiles(Path root) throws IOException {
    for (Entry e : entries) {
      Path p = root.resolve(e.path());
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class);
      } catch (NoSuchFileException gone) {
        return false;
      }
      if (!a.isRegularFile()
          || a.size() != e.size()
          || (a.lastModifiedTime().toMillis() != e.modified() && crc(p) != e.crc())) {
        return false;
      }
    }
    return true;
  }

  /** The tree listed and compared with the recorded files, path by path. */
  private boolean listedFilesMatch(Path root) throws IOException {
    List<File> now = files(root, new ArrayList<>());
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
      utf(out, e.path());
      out.writeLong(e.size());
      out.writeLong(e.modified());
      out.writeLong(e.crc());
    }
    out.writeInt(directories.size());
    for (Directory d : directories) {
      utf(out, d.path());
      out.writeLong(d.modified());
    }
  }

  private static void utf(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** What {@link #write} wrote; a count or length past the bytes left is not a fingerprint. */
  static ProfileFingerprint read(ByteBuffer in) throws IOException {
    int n = count(in);
    List<Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      entries.add(new Entry(utf(in), in.getLong(), in.getLong(), in.getLong()));
    }
    int m = count(in);
    List<Directory> directories = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      directories.add(new Directory(utf(in), in.getLong()));
    }
    return new ProfileFingerprint(entries, directories);
  }

  private static int count(ByteBuffer in) throws IOException {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IOException("not a snapshot");
    }
    return n;
  }

  private static String utf(ByteBuffer in) throws IOException {
    byte[] bytes = new byte[count(in)];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private record File(Path path, String name, long size, long modified) {}

  /**
   * Every regular file under {@code root}, sorted by path, with each directory (the root included)
   * added to {@code directories}; none when it is not a directory.
   */
  private static List<File> files(Path root, List<Directory> directories) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<File> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        String name = root.relativize(p).toString().replace('\\', '/');
        if (a.isRegularFile()) {
          files.add(new File(p, name, a.size(), a.lastModifiedTime().toMillis()));
        } else if (a.isDirectory()) {
          directories.add(new Directory(name, a.lastModifiedTime().toMillis()));
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
