package dev.devq.lang.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.SourceText;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
  private static Quantity parse(String text) {
    var r = QuantityParser.parse(new SourceText("t", text));
    assertTrue(r.ok(), () -> "cannot parse " + text + ": " + r.diagnostics());
    return r.value();
  }

  @ParameterizedTest(name = "{0}  =>  {1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      33ms        | 0.033        | Time
      51.2 GB/s   | 51.2e9       | Bandwidth
      17 TOPS     | 17e12        | Throughput
      2.1 TFLOPS  | 2.1e12       | Throughput
      24 MB       | 24e6         | Bytes
      1 GiB       | 1073741824   | Bytes
      10 min      | 600          | Time
      80%         | 0.8          | 1
      25.6M       | 25.6e6       | 1
      3200 mAh    | 11520        | Charge
      12.4 Wh     | 44640        | Energy
      30fps       | 30           | Frequency
      2 W         | 2            | Power
      500 µs      | 0.0005       | Time
      """)
  void parsesUnitsIntoBaseUnits(String text, double base, String dimension) {
    Quantity q = parse(text);
    assertEquals(base, q.value(), Math.abs(base) * 1e-12);
    assertEquals(dimension, UnitRegistry.standard().name(q.dimension()));
  }

  @ParameterizedTest(name = "{0} (dimension of {1})  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0.00421     | s     | 4.21 ms
      1.52e9      | B     | 1.52 GB
      17e12       | TOPS  | 17 TOPS
      0.0333      | s     | 33.3 ms
      51.2e9      | GB/s  | 51.2 GB/s
      25.6e6      | %     | 25.6M
      2022        | %     | 2022
      123456      | %     | 123456
      913176.4    | %     | 913k
      12345.6     | %     | 12.3k
      999.4       | %     | 999
      0.000685    | s     | 685 µs
      30.3        | fps   | 30.3 fps
      15264       | fps   | 15264 fps
      3.23e9      | GHz   | 3.23 GHz
      2.5e6       | Hz    | 2.5 MHz
      """)
  void formatsForPeople(double value, String unitOfDimension, String expected) {
    Dimension d = UnitRegistry.standard().find(unitOfDimension).dimension();
    assertEquals(expected, QuantityFormat.format(Quantity.of(value, d)));
  }

  /**
   * One scale per figure across every magnitude a double holds: a prefixed unit (or k M G on a
   * plain number) while the number stays below 1000 of it, then an exponent on the ladder's end
   * unit, and for a plain number past 1000G an exponent alone: {@code 1.66e300}, never {@code
   * 1.66e291G}; zero in the base unit ({@code 0 s}, not {@code 0 ns}). Values are in base units (s,
   * B, FLOP/s, a plain number); JSON and CSV keep the 12-digit decimal of the same value whatever
   * the text shows.
   */
  @ParameterizedTest(name = "{0} (dimension of {1})  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0         | %    | 0
      0         | ms   | 0 s
      0         | GB   | 0 B
      0         | TOPS | 0 FLOPS
      1e-30     | %    | 1e-30
      1.5e-6    | %    | 1.5e-6
      0.00123   | %    | 0.00123
      42        | %    | 42
      1234      | %    | 1234
      2.5e7     | %    | 25M
      1.2e9     | %    | 1.2G
      9.994e11  | %    | 999G
      9.996e11  | %    | 1e12
      3.5e15    | %    | 3.5e15
      1.66e300  | %    | 1.66e300
      -1.66e300 | %    | -1.66e300
      1e-30     | ms   | 1e-21 ns
      1e-15     | ms   | 1e-6 ns
      1.5e-6    | ms   | 1.5 µs
      0.0421    | ms   | 42.1 ms
      1234      | ms   | 20.6 min
      2.5e7     | ms   | 6944 h
      1e12      | ms   | 2.78e8 h
      1.66e300  | ms   | 4.61e296 h
      1e-30     | GB   | 1e-30 B
      1.5e-6    | GB   | 1.5e-6 B
      999.6     | GB   | 1 kB
      1.2e9     | GB   | 1.2 GB
      3.5e15    | GB   | 3500 TB
      1e18      | GB   | 1e6 TB
      1.66e300  | GB   | 1.66e288 TB
      1e-30     | TOPS | 1e-30 FLOPS
      2.5e7     | TOPS | 25 MFLOPS
      9.996e11  | TOPS | 1 TOPS
      2.1e12    | TOPS | 2.1 TOPS
      1e18      | TOPS | 1e6 TOPS
      1.66e300  | TOPS | 1.66e288 TOPS
      """)
  void formatsEveryMagnitudeWithOneScale(double value, String unitOfDimension, String expected) {
    formatsForPeople(value, unitOfDimension, expected);
    assertEquals(value, QuantityFormat.decimal(value).doubleValue(), Math.abs(value) * 1e-11);
  }

  /**
   * A literal reads back in the unit it was written in where that unit names what it counts: a
   * per-token rate stays a per-token rate ({@code 30 tok/s} once read {@code 30 fps} beside the
   * decode rate it was compared with, and {@code 1e12 tok/s} {@code 1000 GHz}).
   */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      30 tok/s    | 30 tok/s
      1e12 tok/s  | 1e12 tok/s
      128 tok     | 128 tok
      80%         | 80%
      30fps       | 30 fps
      """)
  void literalsKeepTheUnitThatSaysWhatTheyCount(String text, String expected) {
    assertEquals(expected, QuantityFormat.format(parse(text)));
  }

  /**
   * Text rounds the decimal a double stands for, its shortest representation, as JSON writes it:
   * {@code 2.285} is read as the user wrote it, not as the binary fraction just below it, so the
   * three digits shown are always the JSON number rounded.
   */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      2.285      | 2.29
      2288.5     | 2289
      0.0010045  | 0.001
      1.0045     | 1
      1.00451    | 1
      1.005      | 1.01
      """)
  void roundsTheDecimalTheDoubleStandsFor(double value, String expected) {
    assertEquals(expected, QuantityFormat.number(value));
  }

  /**
   * The decimal JSON writes: 12 significant digits for a computed figure, so an operation's order
   * does not show in its last digits, and every digit of a whole number (a group's FLOPs add up to
   * its layers' exactly).
   */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0.30000000000000004 | 0.3
      1.41996725849779    | 1.4199672585
      16431234567890      | 16431234567890
      9007199254740991    | 9007199254740991
      """)
  void jsonCarriesTwelveDigitsAndWholeNumbersInFull(double value, String expected) {
    assertEquals(expected, QuantityFormat.decimal(value).stripTrailingZeros().toPlainString());
  }

  /**
   * A dimension without a display ladder of its own (a product of durations, bytes times time)
   * reads in units of its factors that keep the number between 1 and 1000, as every other quantity
   * does, and a quotient of several factors keeps them together under the slash.
   */
  @ParameterizedTest(name = "{0} of {1}  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0.000006  | Time·Time            | 6 ms^2
      6         | Time·Time            | 6 s^2
      1e-9      | Time·Time·Time       | 1 ms^3
      2e9       | Bytes·Time           | 2 GB·s
      1.5e-12   | Time/Bytes           | 1.5 s/TB
      1e-9      | 1/Bytes              | 1 1/GB
      1.67e-7   | 1/Bytes/Time         | 167 1/(GB·s)
      21.6      | Charge·Time          | 6 mAh·s
      0         | Time·Time            | 0 s^2
      1e306     | Bytes·Energy         | 1e294 TB·J
      """)
  void formatsDerivedDimensionsInScaledUnits(double value, String dimension, String expected) {
    Quantity q = Quantity.of(value, dimension(dimension));
    assertEquals(expected, QuantityFormat.format(q));
    // and a column of a table shows another value in the same unit, read back from its name
    String unit = QuantityFormat.scaled(q).unit();
    assertEquals(
        QuantityFormat.scaled(q).value(),
        QuantityFormat.scaled(q.withDisplayUnit(unit)).value(),
        Math.abs(QuantityFormat.scaled(q).value()) * 1e-12);
  }

  @Test
  void derivedDimensionsKeepBaseUnitsWhereOneUnitIsFixed() {
    var q = Quantity.of(0.000006, dimension("Time·Time"));
    assertEquals(new QuantityFormat.Scaled(0.000006, "s^2"), QuantityFormat.inBaseUnits(q));
  }

  /** {@code Time·Time}, {@code 1/Bytes/Time}: a product and quotients of base dimensions. */
  private static Dimension dimension(String text) {
    Dimension d = Dimension.NONE;
    String[] quotient = text.split("/");
    for (int i = 0; i < quotient.length; i++) {
      for (String base : quotient[i].split("·")) {
        if (!"1".equals(base)) {
          d = i == 0 ? d.times(Dimension.base(base)) : d.divide(Dimension.base(base));
        }
      }
    }
    return d;
  }

  @Test
  void aUnitLineSaysWhatItsFrequencyCountsWithAKnownWord() {
    assertEquals(
        Counted.CYCLES,
        UnitRegistry.parse("base Time s\nunit MHz = 1e6 1/s counts cycles").find("MHz").counts());
    assertEquals(
        Counted.TOKENS,
        UnitRegistry.parse("base Time s\nunit tok = 1 1 counts tokens").find("tok").counts());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class,
        () -> UnitRegistry.parse("base Time s\nunit Hz = 1 1/s counts beats"));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> UnitRegistry.parse("base Time s\nunit ms = 1e-3 s counts frames"));
  }

  @Test
  void unknownUnitSuggestsTheClosest() {
    var r = QuantityParser.parse(new SourceText("t", "3 mss"));
    assertTrue(!r.ok());
    assertEquals("did you mean 'ms'?", r.diagnostics().get(0).notes().get(0));
  }

  /** Randomized algebra: (a·b)/b = a and a·b = b·a for random products of base dimensions. */
  @Test
  void dimensionAlgebraIsAGroup() {
    var random = new Random(42);
    String[] bases = {"Time", "Bytes", "Operations", "Energy", "Charge"};
    for (int i = 0; i < 10_000; i++) {
      Dimension a = randomDimension(random, bases);
      Dimension b = randomDimension(random, bases);
      assertEquals(a, a.times(b).divide(b));
      assertEquals(a.times(b), b.times(a));
      assertEquals(Dimension.NONE, a.divide(a));
      assertEquals(a.pow(2), a.times(a));
    }
  }

  private static Dimension randomDimension(Random random, String[] bases) {
    Dimension d = Dimension.NONE;
    for (String base : bases) {
      d = d.times(Dimension.base(base).pow(random.nextInt(5) - 2));
    }
    return d;
  }

  /** Converting to a unit and back loses at most a few ulps. */
  @Test
  void conversionsRoundTrip() {
    var random = new Random(7);
    for (String name : UnitRegistry.standard().names()) {
      Unit u = UnitRegistry.standard().find(name);
      for (int i = 0; i < 50; i++) {
        double v = random.nextDouble() * 1000;
        double back = v * u.factor() / u.factor();
        assertEquals(v, back, Math.ulp(v) * 4, name);
      }
    }
  }
}
