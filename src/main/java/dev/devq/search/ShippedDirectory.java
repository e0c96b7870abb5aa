package dev.devq.search;

import java.io.FileNotFoundException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.BaseDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NoLockFactory;

/**
 * The prebuilt index files as a read-only Lucene directory, each file read in place from its bytes.
 * Copying them into a {@code ByteBuffersDirectory} instead cost a one-shot search about a tenth of
 * a second in a cold JVM: its writer sizes its blocks through {@code RamUsageEstimator}, whose
 * set-up asks the JVM's options through the management beans, and it names every file it closes
 * with {@code String.format}, which loads the JDK's locale data. Each file is read through a {@link
 * ShippedInput}, which slices without concatenating strings.
 */
final class ShippedDirectory extends BaseDirectory {
  private final Map<String, byte[]> files;

  ShippedDirectory(Map<String, byte[]> files) {
    super(NoLockFactory.INSTANCE);
    this.files = Map.copyOf(files);
  }

  @Override
  public String[] listAll() {
    return files.keySet().stream().sorted().toArray(String[]::new);
  }

  @Override
  public long fileLength(String name) throws FileNotFoundException {
    return file(name).length;
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws FileNotFoundException {
    ensureOpen();
    return new ShippedInput(name, file(name));
  }

  private byte[] file(String name) throws FileNotFoundException {
    byte[] bytes = files.get(name);
    if (bytes == null) {
      throw new FileNotFoundException(name);
    }
    return bytes;
  }

  @Override
  public Set<String> getPendingDeletions() {
    return Set.of();
  }

  @Override
  public void close() {
    isOpen = false;
  }

  // Read-only: the index is opened, never written, so nothing below is ever asked of it.

  @Override
  public void deleteFile(String name) {
    throw readOnly();
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) {
    throw readOnly();
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) {
    throw readOnly();
  }

  @Override
  public void sync(Collection<String> names) {
    throw readOnly();
  }

  @Override
  public void syncMetaData() {
    throw readOnly();
  }

  @Override
  public void rename(String source, String dest) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("the shipped search index is read-only");
  }
}
