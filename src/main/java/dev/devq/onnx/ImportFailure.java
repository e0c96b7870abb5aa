package dev.devq.onnx;

import java.util.List;

/**
 * Why an ONNX file cannot be imported: a message naming the node, initializer, input or field at
 * fault, and an optional note on how to fix it. Nothing is written when one is thrown.
 */
public final class ImportFailure extends Exception {
  private final String note;
  private final List<String> dims;

  public ImportFailure(String message, String note) {
    this(message, note, List.of());
  }

  public ImportFailure(String message) {
    this(message, "");
  }

  /**
   * An input whose dynamic dimensions are not all bound; {@code dims} are the {@code --dim} values
   * that bind every one of them, in the order of its axes ({@code batch=1}, {@code seq=VALUE}).
   */
  ImportFailure(String message, String note, List<String> dims) {
    super(message, null, false, false);
    this.note = note;
    this.dims = List.copyOf(dims);
  }

  /** How to fix it, or empty. */
  public String note() {
    return note;
  }

  /**
   * The {@code --dim NAME=VALUE} values an import needs to bind every dynamic dimension of its
   * input, those given and those missing; empty unless this failure is that one is missing.
   */
  public List<String> dims() {
    return dims;
  }
}
