package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.devq.DevqAssertions;
import dev.devq.cost.Coefficients;
import dev.devq.cost.CoreMlConstants;
import dev.devq.kb.Calibration;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * cost-model.md's table "What pins each constant" says what the shipped fit holds: every Core ML
 * constant the fit moves or ties has a row, each fitted value is {@code
 * profiles/calibration/fit.yaml}'s to the digits the page shows, each bound is {@link
 * CoreMlConstants}'s, and each tied constant names the one {@link Coefficients#TIED} takes it from.
 * A refit that moves a constant fails here until the page says the new figure.
 */
class CoreMlConstantsDocTest {
  private static final String HEADING = "## What pins each constant";
  private static final String NUMBER = "(\\d+(?:\\.\\d+)?(?:⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)";
  private static final Pattern BOUNDS =
      Pattern.compile("^" + NUMBER + "(?: (µs|ms))?–" + NUMBER + "(?: (µs|ms))?");
  private static final Pattern VALUE = Pattern.compile("^(\\d+(?:\\.\\d+)?)(?: (µs|ms))?$");
  private static final Pattern TIED = Pattern.compile("^= `([^`]+)`$");

  /** One row of the table: the constants it names, its bounds cell and its shipped-fit cell. */
  private record Row(List<String> names, String bounds, String value) {}

  @Test
  void everyConstantHasARow() throws IOException {
    TreeSet<String> expected = new TreeSet<>(CoreMlConstants.bounds().keySet());
    expected.addAll(Coefficients.TIED.keySet());
    TreeSet<String> shown = new TreeSet<>();
    rows().forEach(r -> shown.addAll(r.names()));
    assertEquals(expected, shown, "constants in cost-model.md's table");
  }

  @Test
  void theTableShowsTheShippedFitAndItsBounds() throws IOException {
    Calibration fit = DevqAssertions.kb().calibration();
    Map<String, double[]> bounds = CoreMlConstants.bounds();
    List<String> wrong = new ArrayList<>();
    for (Row r : rows()) {
      for (String name : r.names()) {
        Matcher tied = TIED.matcher(r.value());
        if (tied.matches()) {
          if (!tied.group(1).equals(Coefficients.TIED.get(name))
              || !r.bounds().startsWith("tied to `" + tied.group(1) + "`")) {
            wrong.add(
                name + " is tied to " + Coefficients.TIED.get(name) + ", not " + tied.group(1));
          }
          continue;
        }
        Matcher v = VALUE.matcher(r.value());
        Matcher b = BOUNDS.matcher(r.bounds());
        if (!v.matches() || !b.find() || !bounds.containsKey(name)) {
          wrong.add(name + ": cannot read '" + r.value() + "' / '" + r.bounds() + "'");
          continue;
        }
        BigDecimal shown = new BigDecimal(v.group(1));
        BigDecimal actual =
            new BigDecimal(fit.get(name, Double.NaN) / scale(v.group(2)))
                .round(new MathContext(shown.precision()));
        if (actual.compareTo(shown) != 0) {
          wrong.add(name + " is " + actual.toPlainString() + ", the page says " + shown);
        }
        String upperUnit = b.group(4);
        String lowerUnit = b.group(2) != null ? b.group(2) : upperUnit;
        double low = number(b.group(1)) * scale(lowerUnit);
        double high = number(b.group(3)) * scale(upperUnit);
        double[] in = bounds.get(name);
        if (!near(low, in[0]) || !near(high, in[1])) {
          wrong.add(
              name + " is bounded " + in[0] + "–" + in[1] + ", the page says " + low + "–" + high);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void readsTheNotationThePageUses() {
    assertEquals(1e-4, number("10⁻⁴"), 1e-18);
    assertEquals(0.02, number("0.02"), 1e-18);
    Matcher b = BOUNDS.matcher("10 µs–2 ms (a synchronisation)");
    assertTrue(b.find());
    assertEquals("µs", b.group(2));
    assertEquals("ms", b.group(4));
  }

  private static List<Row> rows() throws IOException {
    String page = Files.readString(DevqAssertions.projectDir().resolve("docs/cost-model.md"));
    int at = page.indexOf(HEADING);
    if (at < 0) {
      fail("cost-model.md has no section '" + HEADING + "'");
    }
    List<Row> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : page.substring(at).split("\n")) {
      if (!line.startsWith("|")) {
        if (inTable) {
          break;
        }
        continue;
      }
      inTable = true;
      String[] cells = line.split("\\|");
      if (cells.length < 5 || !cells[1].trim().startsWith("`")) {
        continue; // the header and its rule
      }
      List<String> names = new ArrayList<>();
      Matcher n = Pattern.compile("`([^`]+)`").matcher(cells[1]);
      while (n.find()) {
        names.add(n.group(1));
      }
      rows.add(new Row(names, cells[2].trim(), cells[4].trim()));
    }
    assertTrue(rows.size() > 10, "cost-model.md's constants table was not found");
    return rows;
  }

  private static double scale(String unit) {
    if (unit == null) {
      return 1;
    }
    return unit.equals("µs") ? 1e-6 : 1e-3;
  }

  /** A number as the page writes it: {@code 0.02}, {@code 200}, {@code 10⁻⁴}. */
  private static double number(String text) {
    int sup = 0;
    while (sup < text.length()
        && text.charAt(sup) != '⁻'
        && "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(text.charAt(sup)) < 0) {
      sup++;
    }
    if (sup == text.length()) {
      return Double.parseDouble(text);
    }
    StringBuilder exponent = new StringBuilder();
    for (char c : text.substring(sup).toCharArray()) {
      exponent.append(c == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)));
    }
    return Math.pow(
        Double.parseDouble(text.substring(0, sup)), Integer.parseInt(exponent.toString()));
  }

  private static boolean near(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }
}
