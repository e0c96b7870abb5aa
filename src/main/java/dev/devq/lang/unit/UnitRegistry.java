package dev.devq.lang.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units devq knows, loaded once from {@code units.txt}: base dimensions, units with their
 * factors, names of derived dimensions for messages, and the units tried for display.
 *
 * <p>Immutable after construction; {@link #standard()} is shared by every thread.
 */
public final class UnitRegistry {
  private static final UnitRegistry STANDARD = load();

  private final Map<String, Unit> units;
  private final Map<Dimension, String> dimensionNames;
  private final Map<Dimension, List<Unit>> displayLadders;
  private final Map<Dimension, Unit> baseUnits;

  private UnitRegistry(
      Map<String, Unit> units,
      Map<Dimension, String> dimensionNames,
      Map<Dimension, List<Unit>> displayLadders,
      Map<Dimension, Unit> baseUnits) {
    this.units = Map.copyOf(units);
    this.baseUnits = Map.copyOf(baseUnits);
    this.dimensionNames = Map.copyOf(dimensionNames);
    this.displayLadders = Map.copyOf(displayLadders);
  }

  public static UnitRegistry standard() {
    return STANDARD;
  }

  /** A unit by its name, or a quotient {@code GB/s}; null when unknown. */
  public Unit find(String text) {
    Unit simple = units.get(text);
    if (simple != null) {
      return simple;
    }
    int slash = text.indexOf('/');
    if (slash > 0 && slash < text.length() - 1) {
      Unit num = units.get(text.substring(0, slash));
      Unit den = units.get(text.substring(slash + 1));
      if (num != null && den != null) {
        return num.per(den);
      }
    }
    return null;
  }

  /** Every unit name, for suggestions and completion. */
  public Collection<String> names() {
    return units.keySet();
  }

  /** {@code Bandwidth (Bytes·Time⁻¹)} or just the product when the dimension has no name. */
  public String describe(Dimension dimension) {
    if (dimension.isNone()) {
      return "a plain number";
    }
    String name = dimensionNames.get(dimension);
    String product = dimension.toString();
    return name == null || name.equals(product) ? product : name + " (" + product + ")";
  }

  /** The short name of a dimension ({@code Time}, {@code Bandwidth}) or its product. */
  public String name(Dimension dimension) {
    return dimensionNames.getOrDefault(dimension, dimension.toString());
  }

  /** The unit of a base dimension ({@code s} of {@code Time}), or null for any other dimension. */
  public Unit baseUnit(Dimension base) {
    return baseUnits.get(base);
  }

  /** Units tried for display of a dimension, smallest first; empty when there is no ladder. */
  public List<Unit> ladder(Dimension dimension) {
    return displayLadders.getOrDefault(dimension, List.of());
  }

  private static UnitRegistry load() {
    try (InputStream in = UnitRegistry.class.getResourceAsStream("units.txt")) {
      if (in == null) {
        throw new IllegalStateException("units.txt missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static UnitRegistry parse(String text) {
    Map<String, Unit> units = new LinkedHashMap<>();
    Map<Dimension, String> names = new HashMap<>();
    Map<Dimension, List<Unit>> ladders = new HashMap<>();
    Map<Dimension, Unit> bases = new HashMap<>();
    int lineNo = 0;
    for (String raw : text.split("\n")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      switch (words[0]) {
        case "base" -> {
          Dimension d = Dimension.base(words[1]);
          units.put(words[2], new Unit(words[2], 1, d));
          bases.put(d, units.get(words[2]));
          names.put(d, words[1]);
        }
        case "dimension" -> names.put(expression(units, words[3], lineNo), words[1]);
        case "unit" -> {
          int eq = line.indexOf('=');
          String[] aliases = line.substring(4, eq).trim().split("\\s+");
          String[] def = line.substring(eq + 1).trim().split("\\s+");
          double factor = Double.parseDouble(def[0]);
          Dimension d = expression(units, def[1], lineNo);
          Counted counts = counts(def, lineNo);
          for (String alias : aliases) {
            units.put(alias, new Unit(alias, factor, d, counts));
          }
        }
        case "display" -> {
          String dimName = words[1].substring(0, words[1].length() - 1);
          Dimension d =
              "1".equals(dimName)
                  ? Dimension.NONE
                  : names.entrySet().stream()
                      .filter(e -> e.getValue().equals(dimName))
                      .map(Map.Entry::getKey)
                      .findFirst()
                      .orElseThrow(
                          () ->
                              new IllegalStateException("units.txt: unknown dimension " + dimName));
          List<Unit> ladder = new ArrayList<>();
          for (int i = 2; i < words.length; i++) {
            ladder.add(
                "_".equals(words[i])
                    ? new Unit("", 1, Dimension.NONE)
                    : resolve(units, words[i], lineNo));
          }
          ladders.put(d, List.copyOf(ladder));
        }
        default ->
            throw new IllegalStateException(
                "units.txt:" + lineNo + ": unknown directive " + words[0]);
      }
    }
    return new UnitRegistry(units, names, ladders, bases);
  }

  /** What a unit line says its unit counts: {@code … 1/s counts frames}; nothing when unsaid. */
  private static Counted counts(String[] def, int lineNo) {
    if (def.length == 2) {
      return Counted.NOTHING;
    }
    Counted c = def.length == 4 && def[2].equals("counts") ? Counted.named(def[3]) : null;
    if (c == null) {
      throw new IllegalStateException(
          "units.txt:" + lineNo + ": expected 'counts frames|tokens|cycles' after the unit");
    }
    return c;
  }

  private static Unit resolve(Map<String, Unit> units, String name, int lineNo) {
    int slash = name.indexOf('/');
    if (slash > 0) {
      return resolve(units, name.substring(0, slash), lineNo)
          .per(resolve(units, name.substring(slash + 1), lineNo));
    }
    Unit u = units.get(name);
    if (u == null) {
      throw new IllegalStateException("units.txt:" + lineNo + ": unknown unit " + name);
    }
    return u;
  }

  /** {@code B/s}, {@code 1/s}, {@code FLOP/s}, {@code 1}: the dimension of a unit expression. */
  private static Dimension expression(Map<String, Unit> units, String expr, int lineNo) {
    if ("1".equals(expr)) {
      return Dimension.NONE;
    }
    int slash = expr.indexOf('/');
    if (slash > 0) {
      Dimension num = expression(units, expr.substring(0, slash), lineNo);
      return num.divide(resolve(units, expr.substring(slash + 1), lineNo).dimension());
    }
    return resolve(units, expr, lineNo).dimension();
  }
}
