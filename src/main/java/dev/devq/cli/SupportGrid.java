package dev.devq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.kb.Support;
import dev.devq.kb.SupportStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caniuse-style grid of {@code devq search}: compute unit × SoC generation, each cell
 * ✓ yes, ~ partial, ✗ no, ? unknown, then limits and numbered notes with their sources.
 */
final class SupportGrid {
  private static final Pattern VERSION = Pattern.compile("(\\d+)");

  private final KnowledgeBase kb;
  private final List<Soc> columns;
  private final ComputeUnit onlyUnit;
  private final String os;

  SupportGrid(KnowledgeBase kb, ComputeUnit onlyUnit, Soc onlySoc, String os) {
    this.kb = kb;
    this.onlyUnit = onlyUnit;
    this.os = os;
    if (onlySoc != null) {
      this.columns = List.of(onlySoc);
    } else {
      this.columns = kb.socs().values().stream()
          .filter(s -> !s.id().matches("m\\d+_(pro|max)"))
          .sorted(Comparator.comparing((Soc s) -> s.id().charAt(0)).thenComparing(s -> s.year().value()).thenComparing(Soc::id))
          .toList();
    }
  }

  private List<ComputeUnit> units() {
    return onlyUnit == null ? List.of(ComputeUnit.values()) : List.of(onlyUnit);
  }

  /** The status of an op on one SoC's unit, with the catalog's generation and OS rules applied. */
  SupportStatus status(Op op, Soc soc, ComputeUnit unit) {
    if (unit == ComputeUnit.ANE && !soc.coremlAne()) {
      return SupportStatus.NO;
    }
    Support s = op.supportOn(unit);
    if (s.status() == SupportStatus.NO || s.status() == SupportStatus.UNKNOWN) {
      return s.status();
    }
    Soc since = s.sinceSoc().isEmpty() ? null : kb.socs().get(s.sinceSoc());
    if (since != null && soc.year().value() < since.year().value()) {
      return SupportStatus.NO;
    }
    if (os != null && !s.sinceOs().isEmpty() && version(s.sinceOs()) > version(os)) {
      return SupportStatus.NO;
    }
    return s.status();
  }

  private static int version(String text) {
    Matcher m = VERSION.matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String symbol(SupportStatus s) {
    return switch (s) {
      case YES -> "✓";
      case PARTIAL -> "~";
      case NO -> "✗";
      case UNKNOWN -> "?";
    };
  }

  String text(Op op) {
    var out = new StringBuilder();
    out.append(op.id()).append(" — ").append(op.name()).append(" (").append(op.category()).append(")\n");
    if (!op.aliases().isEmpty()) {
      out.append("  aliases: ").append(String.join(", ", op.aliases().stream().limit(8).toList()))
          .append(op.aliases().size() > 8 ? ", …" : "").append('\n');
    }
    var header = new StringBuilder("  " + TextRender.pad("", 15));
    for (Soc s : columns) {
      header.append(TextRender.pad(label(s), 6));
    }
    out.append(header.toString().stripTrailing()).append('\n');
    for (ComputeUnit u : units()) {
      var row = new StringBuilder("  " + TextRender.pad(u.title(), 15));
      for (Soc s : columns) {
        row.append(TextRender.pad(symbol(status(op, s, u)), 6));
      }
      out.append(row.toString().stripTrailing()).append('\n');
    }
    int n = 0;
    for (ComputeUnit u : units()) {
      Support s = op.supportOn(u);
      var line = new StringBuilder();
      if (!s.sinceSoc().isEmpty() || !s.sinceOs().isEmpty()) {
        line.append("since ").append(String.join(" / ", List.of(s.sinceSoc(), s.sinceOs()).stream().filter(x -> !x.isEmpty()).toList()));
      }
      if (!s.limits().isNone()) {
        line.append(line.length() > 0 ? "; " : "").append(s.limits().describe());
      }
      if (line.length() > 0) {
        out.append("  ").append(u.title()).append(": ").append(line).append('\n');
      }
      for (Support.Note note : s.notes()) {
        out.append("    ").append(++n).append(". [").append(u.key()).append("] ").append(note.text().strip())
            .append("  (").append(note.source()).append(")\n");
      }
    }
    out.append("  ✓ yes  ~ partial  ✗ no  ? unknown\n");
    return out.toString();
  }

  JsonNode json(Op op) {
    ObjectNode grid = JsonRender.MAPPER.createObjectNode();
    for (ComputeUnit u : units()) {
      ObjectNode row = grid.putObject(u.key());
      for (Soc s : columns) {
        row.put(s.id(), status(op, s, u).key());
      }
    }
    return grid;
  }

  private static String label(Soc s) {
    return s.id().toUpperCase(Locale.ROOT).replace("_PRO", "P").replace("_MAX", "X");
  }
}
