package dev.devq.kb;

import java.util.List;

/**
 * Whether one compute unit runs an operator: status, the first SoC generation and OS where it does
 * (empty when always), shape limits and numbered notes.
 */
public record Support(
    SupportStatus status,
    String sinceSoc,
    String sinceOs,
    Limits limits,
    List<Note> notes,
    Provenance provenance) {
  public Support {
    notes = List.copyOf(notes);
  }

  public static Support unknown(Provenance provenance) {
    return new Support(SupportStatus.UNKNOWN, "", "", Limits.NONE, List.of(), provenance);
  }

  /** A numbered note with its own source. */
  public record Note(String text, String source) {}
}
