package dev.devq.plot.svg;

import dev.devq.lang.unit.QuantityFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * The tick units of a value axis, written as devq writes numbers. JFreeChart picks the spacing well
 * (1, 2 or 5 times a power of ten) but writes ticks under 10⁻⁴ or from 10⁷ up as {@code 1E-3} and
 * {@code 3E8}, and a narrow range around 100 with a step of 10⁻⁵ as {@code 1E2} at every tick. Here
 * a tick has just the decimals its step needs ({@code 0.00005}, {@code 100.00001}), thousands are
 * grouped, and a plain count from 1000 up is shortened as the language writes counts ({@code 200M},
 * {@code 1.5G}); only past 10¹⁵ of its unit does a tick take the language's exponent form ({@code
 * 1e20}), never Java's.
 *
 * <pre>{@code
 * axis.setStandardTickUnits(new TickLabels(true)); // a count axis: 0, 250M, 500M, 750M, 1G
 * }</pre>
 */
final class TickLabels implements TickUnitSource {
  /** Past this, in the tick's unit, digits stop being readable: the exponent form takes over. */
  private static final double PLAIN_LIMIT = 1e15;

  /** The multipliers of counts the language writes, for 10³, 10⁶ and 10⁹. */
  private static final String SUFFIXES = "kMG";

  private final NumberTickUnitSource spacing = new NumberTickUnitSource();
  private final boolean count;

  /** {@code count}: the axis is a plain number (no unit), whose ticks may take k, M or G. */
  TickLabels(boolean count) {
    this.count = count;
  }

  @Override
  public TickUnit getLargerTickUnit(TickUnit unit) {
    // the source steps up only from a unit equal to its own, format included, never from ours
    return written(spacing.getLargerTickUnit(spacing.getCeilingTickUnit(unit.getSize())));
  }

  @Override
  public TickUnit getCeilingTickUnit(TickUnit unit) {
    return written(spacing.getCeilingTickUnit(unit.getSize()));
  }

  @Override
  public TickUnit getCeilingTickUnit(double size) {
    return written(spacing.getCeilingTickUnit(size));
  }

  private TickUnit written(TickUnit unit) {
    return new NumberTickUnit(
        unit.getSize(), new Format(unit.getSize(), count), unit.getMinorTickCount());
  }

  /** The label of one tick of a step of {@code step}, as {@link TickLabels} says. */
  static String label(double value, double step, boolean count) {
    // a count takes the largest multiplier its step is whole in: a step of 1e8 reads 100M, 200M
    int power = 0;
    while (count && power < SUFFIXES.length() && step >= Math.pow(1000, power + 1)) {
      power++;
    }
    String suffix = power == 0 ? "" : SUFFIXES.substring(power - 1, power);
    double scale = Math.pow(1000, power);
    double v = value / scale;
    double unitStep = step / scale;
    if (Math.abs(v) >= PLAIN_LIMIT || unitStep < 1 / PLAIN_LIMIT) {
      // the exponent alone, never with a multiplier too (2e89G makes the reader multiply twice)
      return QuantityFormat.exact(QuantityFormat.decimal(value).doubleValue());
    }
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(unitStep) - 1e-9));
    // a tick that is zero but for the sum's rounding is 0.00, never -0.00
    BigDecimal rounded =
        BigDecimal.valueOf(Math.abs(v) < unitStep / 2 ? 0 : v)
            .setScale(decimals, RoundingMode.HALF_EVEN);
    var format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    return format.format(rounded) + suffix;
  }

  /** {@link #label} as the {@link NumberFormat} a JFreeChart tick unit writes its ticks with. */
  private static final class Format extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final double step;
    private final boolean count;

    Format(double step, boolean count) {
      this.step = step;
      this.count = count;
    }

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      return to.append(label(number, step, count));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return to.append(label(number, step, count));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException("tick labels are written, never read");
    }
  }
}
