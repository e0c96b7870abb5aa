package dev.devq.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.kb.Support;
import dev.devq.kb.SupportRule;
import dev.devq.kb.SupportStatus;
import dev.devq.lang.Remembered;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The caniuse-style grid of {@code devq search}: compute unit × SoC generation, each cell ✓ yes, ~
 * partial, ✗ no, ? unknown, then limits and numbered notes with their sources. The cells follow
 * {@link Availability}, the rules the query language's {@code supported} uses.
 */
public final class SupportGrid {
  public static final String LEGEND = "✓ yes  ~ partial  ✗ no  ? unknown";

  /** Pro, Max and Ultra Mac chips, compiled once rather than for every chip of every search. */
  private static final Pattern BIGGER_CHIP = Pattern.compile("m\\d+_(pro|max|ultra)|a\\d+[xz]");

  private final KnowledgeBase kb;
  private final List<Soc> columns;
  private final List<ComputeUnit> units;
  private final OsVersion os;

  /**
   * Each op's block, by id: a grid's cells, rules and notes depend on nothing but the op and the
   * grid's options, so a session ({@link SupportGrids}) renders an op once per set of options.
   */
  private final Remembered<String, String> texts = new Remembered<>(TEXTS);

  /** Blocks kept per grid: more than the catalog's ops. */
  private static final int TEXTS = 1024;

  /**
   * @param onlyUnit the one row to show, or null for all units
   * @param onlySoc the one column to show, or null for one SoC per generation (base chips)
   * @param os the OS release the cells assume, or null for the newest
   */
  SupportGrid(KnowledgeBase kb, ComputeUnit onlyUnit, Soc onlySoc, OsVersion os) {
    this.kb = kb;
    this.units = onlyUnit == null ? List.of(ComputeUnit.values()) : List.of(onlyUnit);
    this.os = os;
    if (onlySoc != null) {
      this.columns = List.of(onlySoc);
    } else {
      // Pro/Max/Ultra Mac chips and the iPad Pros' A12X/A12Z share their generation's Neural
      // Engine and catalog rules: one column per generation
      this.columns =
          kb.socs().values().stream()
              .filter(s -> !BIGGER_CHIP.matcher(s.id()).matches())
              .sorted(
                  Comparator.comparing((Soc s) -> s.id().charAt(0))
                      .thenComparing(s -> s.year().value())
                      .thenComparing(Soc::id))
              .toList();
    }
  }

  private static String symbol(SupportStatus s) {
    return switch (s) {
      case YES -> "✓";
      case PARTIAL -> "~";
      case NO -> "✗";
      case UNKNOWN -> "?";
    };
  }

  /**
   * The block of one op: title, aliases, grid, then per shown unit its rules and numbered notes.
   */
  String text(Op op) {
    return texts.get(op.id(), id -> render(op));
  }

  private String render(Op op) {
    var out = new StringBuilder();
    out.append(op.id())
        .append(" — ")
        .append(op.name())
        .append(" (")
        .append(op.category())
        .append(")\n");
    if (!op.aliases().isEmpty()) {
      out.append("  aliases: ")
          .append(String.join(", ", op.aliases().stream().limit(8).toList()))
          .append(op.aliases().size() > 8 ? ", …" : "")
          .append('\n');
    }
    var header = new StringBuilder("  " + TextRender.pad("", 15));
    columns.forEach(s -> header.append(TextRender.pad(label(s), 6)));
    out.append(header.toString().stripTrailing()).append('\n');
    for (ComputeUnit u : units) {
      var row = new StringBuilder("  " + TextRender.pad(u.title(), 15));
      columns.forEach(
          s -> row.append(TextRender.pad(symbol(SupportRule.status(kb, op, s, u, os)), 6)));
      out.append(row.toString().stripTrailing()).append('\n');
    }
    NotRun notRun = notRun();
    notRunLine(out, notRun.pastLast(), s -> label(s) + " (last: " + lastRelease(s) + ")", "");
    notRunLine(out, notRun.beforeFirst(), s -> label(s) + " (first: " + firstRelease(s) + ")", "");
    if (os != null) {
      notRunLine(
          out,
          notRun.otherPlatform(),
          SupportGrid::label,
          os.platform().equals("ios") ? " (in no iPhone or iPad)" : " (in no Mac)");
    } else {
      neverReachedLines(out, op);
    }
    int n = 0;
    for (ComputeUnit u : units) {
      Support s = op.supportOn(u);
      String rules = String.join("; ", nonEmpty(untestedNo(s), rules(s)));
      if (!rules.isEmpty()) {
        out.append("  ").append(u.title()).append(": ").append(rules).append('\n');
      }
      for (Support.Note note : s.notes()) {
        out.append("    ")
            .append(++n)
            .append(". [")
            .append(u.key())
            .append("] ")
            .append(note.text().strip())
            .append("  (")
            .append(note.source())
            .append(")\n");
      }
    }
    return out.toString();
  }

  /** {@code " iOS 18 does not run on A11 (last: iOS 16)"}: one line for chips, if any. */
  private void notRunLine(
      StringBuilder out,
      List<Soc> chips,
      java.util.function.Function<Soc, String> named,
      String tail) {
    if (!chips.isEmpty()) {
      out.append("  ")
          .append(os)
          .append(" does not run on ")
          .append(String.join(", ", chips.stream().map(named).toList()))
          .append(tail)
          .append('\n');
    }
  }

  /**
   * Without {@code --os}, the chips whose ✗ comes from an op's first release being newer than their
   * devices' last ({@code "iOS 18 / macOS 15 does not run on A11 (last: iOS 16)"}), one line per
   * first release among the shown units.
   */
  private void neverReachedLines(StringBuilder out, Op op) {
    var never = new java.util.LinkedHashMap<String, List<String>>();
    for (ComputeUnit u : units) {
      String since = op.supportOn(u).sinceOs();
      for (Soc s : columns) {
        if (SupportRule.verdict(kb, op, s, u, null).cause() == SupportRule.Cause.NEVER_REACHES_OS) {
          List<String> chips = never.computeIfAbsent(since, k -> new ArrayList<>());
          String named = label(s) + " (last: " + SupportRule.newestRun(kb, s, since) + ")";
          if (!chips.contains(named)) {
            chips.add(named);
          }
        }
      }
    }
    never.forEach(
        (since, chips) ->
            out.append("  ")
                .append(since)
                .append(" does not run on ")
                .append(String.join(", ", chips))
                .append('\n'));
  }

  /**
   * The shown chips that do not run {@link #os} (both lists empty without {@code --os}), so a
   * column of ✗ says why: {@code pastLast} run its platform but stopped at an older release ("A11
   * (last: iOS 16)"), {@code beforeFirst} shipped after it ("A19 (first: iOS 26)"), {@code
   * otherPlatform} are in no device of its platform (an A16 under macOS).
   */
  private record NotRun(List<Soc> pastLast, List<Soc> beforeFirst, List<Soc> otherPlatform) {}

  private NotRun notRun() {
    List<Soc> pastLast = new ArrayList<>();
    List<Soc> beforeFirst = new ArrayList<>();
    List<Soc> otherPlatform = new ArrayList<>();
    if (os != null) {
      for (Soc s : columns) {
        SupportRule.Cause why = SupportRule.releaseNotRun(kb, s, os);
        if (why == SupportRule.Cause.OTHER_PLATFORM) {
          otherPlatform.add(s);
        } else if (why == SupportRule.Cause.AFTER_LAST_OS) {
          pastLast.add(s);
        } else if (why == SupportRule.Cause.BEFORE_FIRST_OS) {
          beforeFirst.add(s);
        }
      }
    }
    return new NotRun(pastLast, beforeFirst, otherPlatform);
  }

  /** The first release of {@link #os}'s platform the chip's devices shipped with. */
  private OsVersion firstRelease(Soc s) {
    return new OsVersion(os.platform(), kb.firstOs(s, os.platform()).orElseThrow());
  }

  /** The chip's last release of {@link #os}'s platform (only asked of a chip past it). */
  private OsVersion lastRelease(Soc s) {
    return new OsVersion(os.platform(), s.lastOs(os.platform()).orElseThrow());
  }

  /**
   * "no as hollance_unsupported saw it (a12, a13; to iOS 14), unknown elsewhere" for a {@code no}
   * whose source tested some chips or releases only (the {@code ?} cells it leaves); else empty.
   */
  private String untestedNo(Support s) {
    var source = SupportRule.statusSource(kb, s);
    if (s.status() != SupportStatus.NO || source == null || source.tested().describe().isEmpty()) {
      return "";
    }
    return "no " + source.sawIt() + ", unknown elsewhere";
  }

  private static List<String> nonEmpty(String... parts) {
    return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toList();
  }

  /**
   * "since a14, iOS 16 / macOS 13; rank ≤ 5", or empty when a unit has neither a start nor limits.
   */
  private static String rules(Support s) {
    var line = new StringBuilder(s.since());
    if (!s.limits().isNone()) {
      line.append(line.length() > 0 ? "; " : "").append(s.limits().describe());
    }
    return line.toString();
  }

  /** The sources the shown notes cite, in order of first citation. */
  Set<String> sources(Op op) {
    Set<String> ids = new LinkedHashSet<>();
    for (ComputeUnit u : units) {
      op.supportOn(u).notes().forEach(note -> ids.add(note.source()));
    }
    return ids;
  }

  /**
   * The grid and the shown units' rules and notes, for {@code --format json}; under {@code --os}
   * also the release and the shown chips that do not run it, as the text names them below the grid:
   * {@code last_os} (chip → its last release), {@code first_os} (chip → the first release its
   * devices shipped with) and {@code other_platform} (chips in no device of that platform).
   */
  void json(Op op, ObjectNode into) {
    ObjectNode grid = into.putObject("grid");
    for (ComputeUnit u : units) {
      ObjectNode row = grid.putObject(u.key());
      columns.forEach(s -> row.put(s.id(), SupportRule.status(kb, op, s, u, os).key()));
    }
    if (os != null) {
      NotRun notRun = notRun();
      into.put("os", os.toString());
      ObjectNode last = into.putObject("last_os");
      notRun.pastLast().forEach(s -> last.put(s.id(), lastRelease(s).toString()));
      ObjectNode first = into.putObject("first_os");
      notRun.beforeFirst().forEach(s -> first.put(s.id(), firstRelease(s).toString()));
      ArrayNode other = into.putArray("other_platform");
      notRun.otherPlatform().forEach(s -> other.add(s.id()));
    }
    ObjectNode support = into.putObject("support");
    int n = 0;
    for (ComputeUnit u : units) {
      Support s = op.supportOn(u);
      ObjectNode unit = support.putObject(u.key());
      unit.put("status", s.status().key());
      unit.put("since_soc", s.sinceSoc());
      unit.put("since_os", s.sinceOs());
      unit.put("limits", s.limits().describe());
      unit.put("source", s.provenance().source());
      ArrayNode notes = unit.putArray("notes");
      for (Support.Note note : s.notes()) {
        notes
            .addObject()
            .put("n", ++n)
            .put("text", note.text().strip())
            .put("source", note.source());
      }
    }
  }

  private static String label(Soc s) {
    return s.id().toUpperCase(Locale.ROOT).replace("_PRO", "P").replace("_MAX", "X");
  }
}
