package dev.devq.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ONNX file into its protobuf message and checks that it is a model devq can import: a
 * graph, an IR version, and a default-domain opset from 11 to 21.
 *
 * <p>The file is memory-mapped and parsed with aliasing, so initializer bytes are views of the
 * mapping rather than copies: a 350 MB ViT costs no heap for its weights, and a hostile file cannot
 * make the parser allocate more than the file holds.
 */
final class OnnxReader {
  static final int MIN_OPSET = 11;
  static final int MAX_OPSET = 21;

  /** Protobuf cannot address more in one message; larger models keep weights as external data. */
  private static final long MAX_FILE = Integer.MAX_VALUE;

  /** Nesting of subgraphs (If, Loop bodies) and types; real models need a handful of levels. */
  private static final int RECURSION_LIMIT = 64;

  private OnnxReader() {}

  static Onnx.ModelProto read(Path file) throws ImportFailure {
    Onnx.ModelProto model = parse(file);
    if (!model.hasGraph()) {
      throw new ImportFailure(
          "not an ONNX model: no graph (ModelProto.graph, field 7)",
          "devq import reads .onnx files as written by torch.onnx.export or onnx.save");
    }
    if (model.getIrVersion() < 3) {
      throw new ImportFailure(
          "not an ONNX model devq can read: ir_version "
              + model.getIrVersion()
              + " (ModelProto.ir_version, field 1) is missing or older than 3");
    }
    opset(model);
    return model;
  }

  private static Onnx.ModelProto parse(Path file) throws ImportFailure {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // opening a FIFO would block until a writer comes; a device may never end
      throw new ImportFailure(
          Files.isDirectory(file)
              ? "a directory, not an ONNX file: name the .onnx file in it"
              : "not a regular file (a FIFO, socket or device is never read)");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        throw new ImportFailure("not an ONNX model: the file is empty");
      }
      if (size > MAX_FILE) {
        throw new ImportFailure(
            "the file is larger than 2 GB, the most one protobuf message can hold",
            "save the model with its weights as external data (onnx.save_model(...,"
                + " save_as_external_data=True))");
      }
      MappedByteBuffer buffer = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      CodedInputStream in = CodedInputStream.newInstance(buffer);
      in.enableAliasing(true);
      in.setRecursionLimit(RECURSION_LIMIT);
      in.setSizeLimit(Integer.MAX_VALUE);
      return Onnx.ModelProto.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new ImportFailure(
          "not a complete ONNX model: " + protobufProblem(e),
          "is the file truncated, or not an .onnx file?");
    } catch (IOException e) {
      if (!Files.exists(file)) {
        throw new ImportFailure("no such file");
      }
      throw new ImportFailure("cannot read the file: " + e.getMessage());
    }
  }

  /** protobuf's messages, in devq's words (lower case, no final period). */
  private static String protobufProblem(InvalidProtocolBufferException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("ended unexpectedly") || m.contains("truncated")) {
      return "the protobuf data ends in the middle of a field";
    }
    if (m.contains("recursion limit")) {
      return "the protobuf data nests deeper than " + RECURSION_LIMIT + " levels";
    }
    String first = m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    return "the protobuf data is malformed (" + first.toLowerCase(java.util.Locale.ROOT) + ")";
  }

  private static void opset(Onnx.ModelProto model) throws ImportFailure {
    List<Long> defaults = new ArrayList<>();
    for (Onnx.OperatorSetIdProto set : model.getOpsetImportList()) {
      if (set.getDomain().isEmpty() || "ai.onnx".equals(set.getDomain())) {
        defaults.add(set.getVersion());
      }
    }
    if (defaults.size() > 1) {
      // the last one was used and the others ignored: an error then named only that one
      throw new ImportFailure(
          "the model imports the default ONNX domain "
              + defaults.size()
              + " times, at opsets "
              + defaults
              + " (ModelProto.opset_import)",
          "ONNX allows one version of each domain; keep the one the graph was written for");
    }
    long version = opsetOf(model);
    if (version < 0) {
      throw new ImportFailure(
          "the model imports no opset of the default ONNX domain (ModelProto.opset_import)");
    }
    if (version < MIN_OPSET || version > MAX_OPSET) {
      throw new ImportFailure(
          "opset " + version + " is outside the supported " + MIN_OPSET + "–" + MAX_OPSET,
          "re-export with torch.onnx.export(..., opset_version=17)");
    }
  }

  /** The default-domain opset the model imports (checked by {@link #read}). */
  static long opsetOf(Onnx.ModelProto model) {
    long version = -1;
    for (Onnx.OperatorSetIdProto set : model.getOpsetImportList()) {
      if (set.getDomain().isEmpty() || "ai.onnx".equals(set.getDomain())) {
        version = set.getVersion();
      }
    }
    return version;
  }
}
