package dev.devq.onnx;

import com.google.protobuf.ByteString;
import dev.devq.lang.PathFence;
import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Checks an initializer or constant against its declared dims and reads its values when they are
 * few (shape arithmetic needs them; weights need only their count). Declared dims are multiplied
 * with overflow checks and compared with the bytes actually present, inline or in an external-data
 * file, before anything is allocated: a tensor that declares 2^40 elements and holds 16 bytes is an
 * error, not an allocation.
 */
final class TensorData {
  /** Constants with at most this many elements have their values read. */
  static final int SMALL = 4096;

  static final int FLOAT = 1;
  static final int UINT8 = 2;
  static final int INT8 = 3;
  static final int UINT16 = 4;
  static final int INT16 = 5;
  static final int INT32 = 6;
  static final int INT64 = 7;
  static final int BOOL = 9;
  static final int FLOAT16 = 10;
  static final int DOUBLE = 11;
  static final int UINT32 = 12;
  static final int BFLOAT16 = 16;

  private TensorData() {}

  /** Bits per element of an ONNX data type, or 0 when devq does not know it (strings). */
  static int bits(int dataType) {
    return switch (dataType) {
      case UINT8, INT8, BOOL, 17, 18, 19, 20 -> 8;
      case 4, 5, FLOAT16, BFLOAT16 -> 16;
      case FLOAT, INT32, 12 -> 32;
      case INT64, DOUBLE, 13, 14 -> 64;
      case 15 -> 128;
      case 21, 22 -> 4;
      default -> 0;
    };
  }

  static boolean isFloat(int dataType) {
    return dataType == FLOAT || dataType == FLOAT16 || dataType == DOUBLE || dataType == BFLOAT16;
  }

  /**
   * The tensor of an initializer or constant; {@code what} names it in errors ({@code initializer
   * 'conv1.weight'}). Float initializers with more than one element are weights.
   */
  static Tensor read(Onnx.TensorProto t, Path modelDir, String what, boolean initializer)
      throws ImportFailure {
    long[] dims = dims(t.getDimsList(), what);
    long elements = elements(dims, what);
    int bits = bits(t.getDataType());
    if (bits == 0) {
      throw new ImportFailure(
          what
              + " has data type "
              + t.getDataType()
              + " (TensorProto.data_type), which devq cannot count");
    }
    long expected = expectedBytes(elements, bits, what, dims);
    ByteBuffer bytes =
        t.getDataLocation() == Onnx.TensorProto.DataLocation.EXTERNAL
            ? External.bytes(t, modelDir, what, expected, elements <= SMALL)
            : inline(t, what, elements, expected);
    long[] ints = elements <= SMALL ? integers(t, bytes, (int) elements) : null;
    double[] values =
        ints != null
            ? Tensor.doubles(ints)
            : elements <= SMALL ? values(t, bytes, (int) elements) : null;
    boolean weight = initializer && carriesWeights(t.getDataType(), elements);
    return new Tensor(dims, values, ints, false, weight ? t.getName() : null);
  }

  /** Declared dims, none negative; {@code what} names the tensor in errors. */
  static long[] dims(List<Long> declared, String what) throws ImportFailure {
    long[] dims = new long[declared.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = declared.get(i);
      if (dims[i] < 0) {
        throw new ImportFailure(
            what + " has a negative dimension " + dims[i] + " (dims " + text(declared) + ")");
      }
    }
    return dims;
  }

  /** The element count of {@code dims}, refused past 2^63 rather than wrapped. */
  static long elements(long[] dims, String what) throws ImportFailure {
    try {
      return Shapes.elements(dims);
    } catch (ArithmeticException overflow) {
      throw new ImportFailure(
          what
              + " declares dims "
              + Arrays.toString(dims).replace(" ", "")
              + ", more elements than 2^63");
    }
  }

  /**
   * Whether an initializer of this type and size holds learned values: floats or 8-bit integers,
   * more than one (a single number is a scale, an epsilon or a zero point).
   */
  static boolean carriesWeights(int dataType, long elements) {
    return elements > 1 && (isFloat(dataType) || dataType == INT8 || dataType == UINT8);
  }

  /**
   * The bytes {@code elements} values of {@code bits} each take, refused past 2^63: 2^62 doubles
   * wrapped to 0 bytes, and an empty raw_data passed for them.
   */
  private static long expectedBytes(long elements, int bits, String what, long[] dims)
      throws ImportFailure {
    try {
      return Math.addExact(
          Math.multiplyExact(elements / 8, (long) bits), ((elements % 8) * bits + 7) / 8);
    } catch (ArithmeticException overflow) {
      throw new ImportFailure(
          what
              + " declares dims "
              + Arrays.toString(dims).replace(" ", "")
              + ", "
              + elements
              + " values of "
              + bits
              + " bits: more bytes than 2^63");
    }
  }

  private static ByteBuffer inline(Onnx.TensorProto t, String what, long elements, long expected)
      throws ImportFailure {
    if (t.hasRawData()) {
      ByteString raw = t.getRawData();
      if (raw.size() != expected) {
        throw declared(
            t,
            what,
            elements + " elements, " + expected + " bytes",
            "raw_data holds " + raw.size() + " bytes");
      }
      return raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }
    int[] counts = {
      t.getFloatDataCount(), t.getInt32DataCount(), t.getInt64DataCount(), t.getDoubleDataCount()
    };
    long present = 0;
    int fields = 0;
    for (int count : counts) {
      present += count;
      fields += count > 0 ? 1 : 0;
    }
    if (fields > 1) {
      // values() reads one field; split across several, it would read past the end of one
      throw new ImportFailure(
          what + " holds its values in " + fields + " typed fields; ONNX keeps them in one");
    }
    if (present != elements) {
      throw declared(t, what, elements + " elements", "holds " + present + " values");
    }
    return null;
  }

  /**
   * The exact values of a small tensor of an integer type, from raw bytes or the typed fields; null
   * for other types. An int64 past 2^53 has no double of its own, so shapes and indexes are read
   * here rather than through {@link #values}.
   */
  private static long[] integers(Onnx.TensorProto t, ByteBuffer raw, int n) {
    int type = t.getDataType();
    if (type != INT64 && type != INT32 && type != INT8 && type != UINT8 && type != BOOL) {
      return null;
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (raw != null) {
        out[i] =
            switch (type) {
              case INT64 -> raw.getLong(i * 8);
              case INT32 -> raw.getInt(i * 4);
              case INT8 -> raw.get(i);
              default -> raw.get(i) & 0xff;
            };
      } else if (t.getInt64DataCount() > 0) {
        out[i] = t.getInt64Data(i);
      } else if (t.getInt32DataCount() > 0) {
        out[i] = t.getInt32Data(i);
      } else {
        // whole numbers kept in float_data or double_data: read as doubles, checked where used
        return null;
      }
    }
    return out;
  }

  /** Values of a small tensor, from raw bytes or the typed fields; null for types not read. */
  private static double[] values(Onnx.TensorProto t, ByteBuffer raw, int n) {
    double[] out = new double[n];
    int type = t.getDataType();
    for (int i = 0; i < n; i++) {
      if (raw != null) {
        switch (type) {
          case FLOAT -> out[i] = raw.getFloat(i * 4);
          case DOUBLE -> out[i] = raw.getDouble(i * 8);
          case INT64 -> out[i] = raw.getLong(i * 8);
          case INT32 -> out[i] = raw.getInt(i * 4);
          case INT8 -> out[i] = raw.get(i);
          case UINT8, BOOL -> out[i] = raw.get(i) & 0xff;
          default -> {
            return null;
          }
        }
      } else if (t.getFloatDataCount() > 0) {
        out[i] = t.getFloatData(i);
      } else if (t.getInt64DataCount() > 0) {
        out[i] = t.getInt64Data(i);
      } else if (t.getDoubleDataCount() > 0) {
        out[i] = t.getDoubleData(i);
      } else if (t.getInt32DataCount() > 0 && type != FLOAT16 && type != BFLOAT16) {
        out[i] = t.getInt32Data(i);
      } else {
        return null;
      }
    }
    return out;
  }

  /** "initializer 'w' declares dims [..] (N elements) but holds M values". */
  private static ImportFailure declared(
      Onnx.TensorProto t, String what, String size, String found) {
    return new ImportFailure(
        what + " declares dims " + dimsText(t) + " (" + size + ") but " + found);
  }

  static String dimsText(Onnx.TensorProto t) {
    return text(t.getDimsList());
  }

  private static String text(List<Long> dims) {
    return dims.toString().replace(" ", "");
  }

  /** External data: a file beside the model, never outside its directory. */
  static final class External {
    private External() {}

    static ByteBuffer bytes(
        Onnx.TensorProto t, Path modelDir, String what, long expected, boolean read)
        throws ImportFailure {
      String location = "";
      long offset = 0;
      long length = -1;
      for (Onnx.StringStringEntryProto e : t.getExternalDataList()) {
        switch (e.getKey()) {
          case "location" -> location = e.getValue();
          case "offset" -> offset = number(e.getValue(), what, "offset");
          case "length" -> length = number(e.getValue(), what, "length");
          default -> {
            // checksum and other keys do not change what devq counts
          }
        }
      }
      Path file = confined(location, modelDir, what);
      if (length >= 0 && length != expected) {
        throw new ImportFailure(
            what
                + " declares dims "
                + dimsText(t)
                + " ("
                + expected
                + " bytes) but its external data"
                + " length is "
                + length);
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        // offset + expected could overflow past Long.MAX_VALUE and pass as negative
        if (offset > ch.size() || expected > ch.size() - offset) {
          throw new ImportFailure(
              what
                  + " needs bytes "
                  + offset
                  + "–"
                  + (offset + expected)
                  + " of external data '"
                  + location
                  + "', which holds only "
                  + ch.size());
        }
        if (!read) {
          return null;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) expected).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
          // reads until the small tensor is complete
        }
        return buf.flip();
      } catch (IOException e) {
        throw new ImportFailure(
            what + ": cannot read external data '" + location + "': " + e.getMessage());
      }
    }

    private static Path confined(String location, Path modelDir, String what) throws ImportFailure {
      if (location.isEmpty()) {
        throw new ImportFailure(what + " is stored as external data but names no location");
      }
      var fence = new PathFence(modelDir);
      Path file;
      try {
        // the ONNX format makes a location relative to the model's directory: absolute is wrong
        if (Path.of(location).isAbsolute()) {
          throw outsideTheModel(what, location);
        }
        file = fence.resolve(modelDir, location);
      } catch (java.nio.file.InvalidPathException e) {
        throw new ImportFailure(what + ": external data location '" + location + "' is not a path");
      } catch (PathFence.Outside e) {
        throw outsideTheModel(what, location);
      }
      if (!Files.isRegularFile(file)) {
        throw new ImportFailure(
            what + ": external data file '" + location + "' not found beside the model",
            "copy it next to the .onnx file (it was saved with the model)");
      }
      try {
        fence.real(file);
      } catch (PathFence.Outside e) {
        throw new ImportFailure(
            what + ": external data '" + location + "' links outside the model's directory");
      } catch (IOException e) {
        throw new ImportFailure(what + ": cannot resolve external data '" + location + "'");
      }
      return file;
    }

    private static ImportFailure outsideTheModel(String what, String location) {
      return new ImportFailure(
          what + ": external data location '" + location + "' is outside the model's directory",
          "external data must be a file beside the .onnx file or below its directory");
    }

    private static long number(String text, String what, String key) throws ImportFailure {
      try {
        long v = Long.parseLong(text.trim());
        if (v < 0) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw new ImportFailure(
            what + ": external data " + key + " '" + text + "' is not a byte count");
      }
    }
  }
}
