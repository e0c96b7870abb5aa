package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shipped file is mapped straight from the jar only when the build stored it uncompressed among
 * the first entries; otherwise it is not found there and the class loader reads it instead.
 */
class ShippedFileTest {
  @Test
  void aStoredEntryAmongTheFirstIsMappedWithItsBytes(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("a.jar");
    try (var out = new ZipOutputStream(Files.newOutputStream(jar))) {
      stored(out, "dev/", "");
      stored(out, "dev/devq/kb.snapshot", "the snapshot");
      stored(out, "dev/devq/kb.models", "the models");
      out.putNextEntry(new ZipEntry("dev/devq/packed"));
      out.write("compressed".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    assertEquals("the snapshot", text(ShippedFile.storedEntry(jar, "dev/devq/kb.snapshot")));
    assertEquals("the models", text(ShippedFile.storedEntry(jar, "dev/devq/kb.models")));
    assertNull(ShippedFile.storedEntry(jar, "dev/devq/packed"), "a compressed entry");
    assertNull(ShippedFile.storedEntry(jar, "dev/devq/absent"), "no such entry");
  }

  @Test
  void fromAClassesDirectoryTheFileItselfIsRead() {
    // the tests run from a classes directory, where the build wrote the snapshot as a file
    assertNotNull(ShippedFile.read(Snapshot.RESOURCE));
    assertNull(ShippedFile.read("/dev/devq/no-such-file"));
  }

  private static void stored(ZipOutputStream out, String name, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    var entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    var crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    out.putNextEntry(entry);
    out.write(bytes);
    out.closeEntry();
  }

  private static String text(ByteBuffer buffer) {
    assertNotNull(buffer);
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
