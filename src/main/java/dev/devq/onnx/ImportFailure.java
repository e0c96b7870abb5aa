package dev.devq.onnx;

/**
 * Why an ONNX file cannot be imported: a message naming the node, initializer, input or field at
 * fault, and an optional note on how to fix it. Nothing is written when one is thrown.
 */
public final class ImportFailure extends Exception {
  private final String note;

  public ImportFailure(String message, String note) {
    super(message, null, false, false);
    this.note = note;
  }

  public ImportFailure(String message) {
    this(message, "");
  }

  /** How to fix it, or empty. */
  public String note() {
    return note;
  }
}
