package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;
import org.junit.jupiter.api.Test;

/**
 * A shipped file reads as Lucene's own in-memory input reads the same bytes: every kind of value,
 * in slices, in slices of slices and in clones, sequentially and at random places; a clone keeps
 * its place and then moves on its own; reading past the end fails as Lucene's does.
 */
class ShippedInputTest {
  private static final byte[] BYTES = bytes();

  /** Values of every width Lucene writes, then random bytes to fill. */
  private static byte[] bytes() {
    try {
      return written();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: not thrown
    }
  }

  private static byte[] written() throws IOException {
    var out = new ByteBuffersDataOutput();
    var random = new Random(19);
    for (int i = 0; i < 200; i++) {
      out.writeVInt(random.nextInt() >>> (i % 32));
      out.writeVLong(random.nextLong() >>> (1 + i % 63));
      out.writeZInt(random.nextInt());
      out.writeZLong(random.nextLong());
      out.writeShort((short) random.nextInt());
      out.writeInt(random.nextInt());
      out.writeLong(random.nextLong());
      out.writeByte((byte) random.nextInt());
    }
    byte[] tail = new byte[1000];
    random.nextBytes(tail);
    out.writeBytes(tail);
    return out.toArrayCopy();
  }

  private static IndexInput lucene() {
    return new ByteBuffersIndexInput(
        new ByteBuffersDataInput(List.of(ByteBuffer.wrap(BYTES))), "lucene");
  }

  @Test
  void readsEveryKindOfValueAsLuceneDoes() throws IOException {
    assertSameValues(lucene(), new ShippedInput("shipped", BYTES));
  }

  @Test
  void slicesAndTheirSlicesReadTheSameBytes() throws IOException {
    for (long[] at : new long[][] {{0, 64}, {7, 300}, {1000, 2000}, {BYTES.length - 5, 5}}) {
      IndexInput expected = lucene().slice("x", at[0], at[1]);
      ShippedInput slice = new ShippedInput("shipped", BYTES).slice("_0.tim", at[0], at[1]);
      assertEquals("_0.tim", slice.toString(), "a slice is named by its reader");
      assertEquals(expected.length(), slice.length());
      assertArrayEquals(all(expected), all(slice));
      long half = at[1] / 2;
      assertArrayEquals(
          all(expected.slice("y", half, at[1] - half)), all(slice.slice("z", half, at[1] - half)));
    }
  }

  @Test
  void randomAccessReadsTheSameValues() throws IOException {
    RandomAccessInput expected = lucene().randomAccessSlice(3, BYTES.length - 3);
    RandomAccessInput shipped =
        new ShippedInput("shipped", BYTES).randomAccessSlice(3, BYTES.length - 3);
    for (long pos = 0; pos + 8 <= expected.length(); pos += 13) {
      assertEquals(expected.readByte(pos), shipped.readByte(pos));
      assertEquals(expected.readShort(pos), shipped.readShort(pos));
      assertEquals(expected.readInt(pos), shipped.readInt(pos));
      assertEquals(expected.readLong(pos), shipped.readLong(pos));
    }
  }

  @Test
  void aCloneKeepsItsPlaceThenMovesOnItsOwn() throws IOException {
    var in = new ShippedInput("shipped", BYTES);
    in.seek(100);
    IndexInput clone = in.clone();
    assertEquals(100, clone.getFilePointer());
    assertEquals(in.readLong(), clone.readLong());
    clone.skipBytes(50);
    assertEquals(108, in.getFilePointer());
    assertEquals(158, clone.getFilePointer());
  }

  @Test
  void readingPastTheEndFails() throws IOException {
    var in = new ShippedInput("shipped", BYTES);
    in.seek(BYTES.length - 2);
    assertThrows(EOFException.class, in::readInt);
  }

  private static void assertSameValues(IndexInput expected, IndexInput actual) throws IOException {
    for (int i = 0; i < 200; i++) {
      assertEquals(expected.readVInt(), actual.readVInt());
      assertEquals(expected.readVLong(), actual.readVLong());
      assertEquals(expected.readZInt(), actual.readZInt());
      assertEquals(expected.readZLong(), actual.readZLong());
      assertEquals(expected.readShort(), actual.readShort());
      assertEquals(expected.readInt(), actual.readInt());
      assertEquals(expected.readLong(), actual.readLong());
      assertEquals(expected.readByte(), actual.readByte());
      assertEquals(expected.getFilePointer(), actual.getFilePointer());
    }
    long[] longs = new long[20];
    long[] shippedLongs = new long[20];
    expected.readLongs(longs, 0, 20);
    actual.readLongs(shippedLongs, 0, 20);
    assertArrayEquals(longs, shippedLongs);
    float[] floats = new float[20];
    float[] shippedFloats = new float[20];
    expected.readFloats(floats, 0, 20);
    actual.readFloats(shippedFloats, 0, 20);
    assertArrayEquals(floats, shippedFloats);
    assertArrayEquals(rest(expected), rest(actual));
  }

  private static byte[] all(IndexInput in) throws IOException {
    in.seek(0);
    return rest(in);
  }

  private static byte[] rest(IndexInput in) throws IOException {
    byte[] out = new byte[Math.toIntExact(in.length() - in.getFilePointer())];
    in.readBytes(out, 0, out.length);
    return out;
  }
}
