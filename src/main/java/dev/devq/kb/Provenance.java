package dev.devq.kb;

/**
 * Where a number comes from: a source id of {@code sources.yaml}, how much to trust it, and how it
 * was obtained. {@code note} is empty when there is nothing to add.
 */
public record Provenance(String source, Confidence confidence, String note) {
  public Provenance {
    if (source == null || confidence == null || note == null) {
      throw new IllegalArgumentException(
          "provenance needs a source, a confidence and a note (may be empty)");
    }
  }

  public Provenance withNote(String newNote) {
    return new Provenance(source, confidence, newNote);
  }
}
