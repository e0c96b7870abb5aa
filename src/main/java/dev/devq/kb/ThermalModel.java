package dev.devq.kb;

import dev.devq.lang.unit.Quantity;
import java.util.List;

/**
 * How a SoC in one form factor slows under heat: the fraction of peak it keeps after a time of
 * continuous load, and the fraction in each of Apple's thermal states.
 *
 * @param curve points in time order, starting at 0 with 1.0; the last is the sustained plateau
 */
public record ThermalModel(
    List<Point> curve, double fair, double serious, double critical, Provenance provenance) {
  public ThermalModel {
    curve = List.copyOf(curve);
    if (curve.isEmpty()) {
      throw new IllegalArgumentException("a thermal curve needs at least one point");
    }
  }

  /** One reading of the curve: after {@code at} of load, {@code fraction} of peak. */
  public record Point(Quantity at, double fraction) {}

  /** The plateau after minutes of continuous load. */
  public double sustained() {
    return curve.get(curve.size() - 1).fraction();
  }

  /** The fraction of peak after {@code seconds} of continuous load, linear between points. */
  public double after(double seconds) {
    Point previous = curve.get(0);
    if (seconds <= previous.at().value()) {
      return previous.fraction();
    }
    for (Point p : curve.subList(1, curve.size())) {
      if (seconds <= p.at().value()) {
        double span = p.at().value() - previous.at().value();
        double t = span <= 0 ? 1 : (seconds - previous.at().value()) / span;
        return previous.fraction() + t * (p.fraction() - previous.fraction());
      }
      previous = p;
    }
    return previous.fraction();
  }
}
