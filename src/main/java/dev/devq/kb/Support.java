package dev.devq.kb;

import java.util.List;
import java.util.stream.Stream;

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

  /**
   * Where support starts, as every view words it: {@code "since a14, iOS 18 / macOS 15"} (a comma,
   * since a release names its platforms with a slash), either part alone when only one is known, or
   * empty when the unit has run the op all along.
   */
  public String since() {
    List<String> starts = Stream.of(sinceSoc, sinceOs).filter(x -> !x.isEmpty()).toList();
    return starts.isEmpty() ? "" : "since " + String.join(", ", starts);
  }

  public static Support unknown(Provenance provenance) {
    return new Support(SupportStatus.UNKNOWN, "", "", Limits.NONE, List.of(), provenance);
  }

  /** A numbered note with its own source. */
  public record Note(String text, String source) {}
}
