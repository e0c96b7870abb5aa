package dev.devq.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;

/**
 * One file of {@link ShippedDirectory}, or a slice of one, read in place: what Lucene's {@code
 * ByteBuffersIndexInput} reads, without describing each slice by concatenating strings. Opening the
 * shipped index slices its compound file and each codec file (a few dozen slices), and that
 * concatenation, of two numbers and two strings, made the JVM spin about twenty method-handle
 * classes on the thread opening the index, while a one-shot search waited for it. A slice is named
 * by what its reader calls it (the file's name within the compound file).
 */
final class ShippedInput extends IndexInput implements RandomAccessInput {
  private final ByteBuffersDataInput in;

  ShippedInput(String name, byte[] bytes) {
    this(name, new ByteBuffersDataInput(List.of(ByteBuffer.wrap(bytes))));
  }

  private ShippedInput(String name, ByteBuffersDataInput in) {
    super(name);
    this.in = in;
  }

  @Override
  public ShippedInput slice(String name, long offset, long length) {
    return new ShippedInput(name, in.slice(offset, length));
  }

  /** A reader of the same bytes at the same place, moving on its own. */
  @Override
  public ShippedInput clone() {
    var copy = new ShippedInput(toString(), in.slice(0, in.length()));
    try {
      copy.seek(getFilePointer());
    } catch (IOException e) {
      throw new IllegalStateException(e); // a place within the same bytes: not thrown
    }
    return copy;
  }

  @Override
  public void close() {
    // the bytes are the snapshot's, held by the directory: nothing to release
  }

  @Override
  public long getFilePointer() {
    return in.position();
  }

  @Override
  public void seek(long pos) throws IOException {
    in.seek(pos);
  }

  @Override
  public long length() {
    return in.length();
  }

  @Override
  public void skipBytes(long n) throws IOException {
    in.skipBytes(n);
  }

  // Reading, each as ByteBuffersIndexInput reads: the data input's own, faster than a byte at a
  // time

  @Override
  public byte readByte() throws IOException {
    return in.readByte();
  }

  @Override
  public void readBytes(byte[] b, int offset, int len) throws IOException {
    in.readBytes(b, offset, len);
  }

  @Override
  public short readShort() throws IOException {
    return in.readShort();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public int readVInt() throws IOException {
    return in.readVInt();
  }

  @Override
  public int readZInt() throws IOException {
    return in.readZInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public long readVLong() throws IOException {
    return in.readVLong();
  }

  @Override
  public long readZLong() throws IOException {
    return in.readZLong();
  }

  @Override
  public void readFloats(float[] floats, int offset, int len) throws IOException {
    in.readFloats(floats, offset, len);
  }

  @Override
  public void readLongs(long[] dst, int offset, int length) throws IOException {
    in.readLongs(dst, offset, length);
  }

  @Override
  public byte readByte(long pos) {
    return in.readByte(pos);
  }

  @Override
  public short readShort(long pos) {
    return in.readShort(pos);
  }

  @Override
  public int readInt(long pos) {
    return in.readInt(pos);
  }

  @Override
  public long readLong(long pos) {
    return in.readLong(pos);
  }
}
