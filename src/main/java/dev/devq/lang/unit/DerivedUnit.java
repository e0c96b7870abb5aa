package dev.devq.lang.unit;

import java.util.ArrayList;
import java.util.List;

/**
 * Display units for a dimension that has no display ladder of its own ({@code Time²}, {@code
 * Bytes·Time}, {@code Time/Bytes}): each base factor takes a unit of its own ladder, chosen so the
 * number reads between 1 and 1000 like every other quantity ({@code 6 ms^2}, not {@code 0.000006
 * s^2}; {@code 2 GB·s}, not {@code 2e9 B·s}). The names are also read back, so a table column can
 * hold every row in one such unit.
 */
final class DerivedUnit {
  private DerivedUnit() {}

  /** The unit that shows {@code magnitude} (in base units) of {@code d} with the fewest digits. */
  static Unit choose(UnitRegistry registry, Dimension d, double magnitude) {
    List<String> bases = List.copyOf(d.exponents().keySet());
    List<List<Unit>> options = options(registry, bases);
    Unit best = null;
    double bestScore = Double.POSITIVE_INFINITY;
    int[] pick = new int[bases.size()];
    while (true) {
      Unit u = compose(bases, options, pick, d);
      double score = score(magnitude / u.factor()) * 10 + scaledFactors(options, pick);
      if (score < bestScore) {
        best = u;
        bestScore = score;
      }
      if (!advance(pick, options)) {
        return best;
      }
    }
  }

  /**
   * {@code d} in base units only ({@code s^2}, {@code B·s}): what JSON reports, whatever the size.
   */
  static Unit base(UnitRegistry registry, Dimension d) {
    List<String> bases = List.copyOf(d.exponents().keySet());
    return compose(bases, options(registry, bases), new int[bases.size()], d);
  }

  private static List<List<Unit>> options(UnitRegistry registry, List<String> bases) {
    List<List<Unit>> options = new ArrayList<>();
    for (String base : bases) {
      options.add(candidates(registry, base));
    }
    return options;
  }

  /** A name {@link #choose} made ({@code ms^2}, {@code s/(B·FLOP)}), or null when it is not one. */
  static Unit parse(UnitRegistry registry, String name) {
    int slash = name.indexOf('/');
    String numerator = slash < 0 ? name : name.substring(0, slash);
    String denominator =
        slash < 0 ? "" : name.substring(slash + 1).replaceAll("^\\((.*)\\)$", "$1");
    double factor = 1;
    Dimension d = Dimension.NONE;
    for (int sign : new int[] {1, -1}) {
      for (String token : factors(sign > 0 ? numerator : denominator)) {
        int caret = token.indexOf('^');
        Unit u = registry.find(caret < 0 ? token : token.substring(0, caret));
        if (u == null || !isBase(u.dimension())) {
          return null;
        }
        int exp = sign * (caret < 0 ? 1 : Integer.parseInt(token.substring(caret + 1)));
        factor *= Math.pow(u.factor(), exp);
        d = d.times(u.dimension().pow(exp));
      }
    }
    return new Unit(name, factor, d);
  }

  private static String[] factors(String text) {
    return text.isEmpty() || "1".equals(text) ? new String[0] : text.split("·");
  }

  private static boolean isBase(Dimension d) {
    return d.exponents().size() == 1 && d.exponents().values().iterator().next() == 1;
  }

  /**
   * The base unit and the decimal units of the base's ladder ({@code min} or {@code Wh} squared or
   * in a product would read worse than the number they save); a base whose ladder leaves its base
   * unit out (charge reads in mAh, never C) keeps to its ladder.
   */
  private static List<Unit> candidates(UnitRegistry registry, String base) {
    Dimension d = Dimension.base(base);
    Unit baseUnit = registry.baseUnit(d);
    List<Unit> ladder = registry.ladder(d);
    if (ladder.stream().noneMatch(u -> u.factor() == 1)) {
      return ladder.isEmpty() ? List.of(baseUnit) : ladder;
    }
    List<Unit> out = new ArrayList<>();
    out.add(baseUnit);
    for (Unit u : ladder) {
      double decade = Math.log10(u.factor());
      if (u.factor() != 1 && Math.abs(decade - Math.rint(decade)) < 1e-9) {
        out.add(u);
      }
    }
    return out;
  }

  /** 0 when the number reads between 1 and 1000, else how many decades it lies outside. */
  private static double score(double v) {
    if (Double.isInfinite(v)) {
      return Double.MAX_VALUE / 100; // a unit that overflows the number is never the choice
    }
    if (!(Math.abs(v) > 0)) {
      return 0; // zero reads the same in every unit: the base unit, having no scaled factor, wins
    }
    double decades = Math.log10(Math.abs(v));
    return decades < 0 ? -decades : Math.max(0, decades - 3 + 1e-9);
  }

  /**
   * How many factors are scaled, the later bases weighing slightly more: of two equally short
   * numbers, {@code GB·s} (time kept in seconds, as in {@code GB/s}) beats {@code B·ns}.
   */
  private static double scaledFactors(List<List<Unit>> options, int[] pick) {
    double n = 0;
    for (int i = 0; i < pick.length; i++) {
      n += options.get(i).get(pick[i]).factor() == 1 ? 0 : 1 + i * 0.01;
    }
    return n;
  }

  private static boolean advance(int[] pick, List<List<Unit>> options) {
    for (int i = pick.length - 1; i >= 0; i--) {
      if (++pick[i] < options.get(i).size()) {
        return true;
      }
      pick[i] = 0;
    }
    return false;
  }

  private static Unit compose(
      List<String> bases, List<List<Unit>> options, int[] pick, Dimension d) {
    var numerator = new ArrayList<String>();
    var denominator = new ArrayList<String>();
    double factor = 1;
    for (int i = 0; i < bases.size(); i++) {
      Unit u = options.get(i).get(pick[i]);
      int exp = d.exponents().get(bases.get(i));
      factor *= Math.pow(u.factor(), exp);
      String word = u.name() + (Math.abs(exp) == 1 ? "" : "^" + Math.abs(exp));
      (exp > 0 ? numerator : denominator).add(word);
    }
    String name = numerator.isEmpty() ? "1" : String.join("·", numerator);
    if (denominator.size() == 1) {
      name += "/" + denominator.get(0);
    } else if (!denominator.isEmpty()) {
      name += "/(" + String.join("·", denominator) + ")";
    }
    return new Unit(name, factor, d);
  }
}
