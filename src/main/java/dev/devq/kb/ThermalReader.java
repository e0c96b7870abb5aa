package dev.devq.kb;

import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one form factor's thermal model and checks that the curve makes physical sense. */
final class ThermalReader {
  private ThermalReader() {}

  static Optional<ThermalModel> read(Fields f) {
    List<ThermalModel.Point> points = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    for (Fields p : f.objects("curve", true)) {
      Sourced<Quantity> at = p.quantity("at", Dimensions.TIME, true);
      Sourced<Quantity> fraction = p.quantity("fraction", Dimensions.NONE, true);
      p.finish();
      if (at.present() && fraction.present()) {
        points.add(new ThermalModel.Point(at.value(), fraction.value().value()));
        origins.add(p.origin());
      }
    }
    double fair = fraction(f, "fair");
    double serious = fraction(f, "serious");
    double critical = fraction(f, "critical");
    f.finish();
    if (points.isEmpty()) {
      return Optional.empty();
    }
    checkCurve(f, points, origins);
    if (!(fair >= serious && serious >= critical)) {
      f.problems()
          .error(
              f.node(), "thermal fractions must not increase from fair to serious to critical", "");
    }
    return Optional.of(new ThermalModel(points, fair, serious, critical, f.defaults()));
  }

  private static double fraction(Fields f, String key) {
    Sourced<Quantity> q = f.quantity(key, Dimensions.NONE, true);
    double v = q.value().value();
    if (q.present() && (v <= 0 || v > 1)) {
      error(f, q.origin(), "'" + key + "' must be a fraction of peak between 0% and 100%", "");
    }
    return q.present() ? v : 1;
  }

  private static void checkCurve(Fields f, List<ThermalModel.Point> points, List<Origin> origins) {
    if (points.get(0).at().value() != 0 || Math.abs(points.get(0).fraction() - 1) > 1e-9) {
      error(f, origins.get(0), "a thermal curve starts at {at: 0 min, fraction: 100%}", "");
    }
    for (int i = 1; i < points.size(); i++) {
      ThermalModel.Point before = points.get(i - 1);
      ThermalModel.Point p = points.get(i);
      if (p.at().value() <= before.at().value()) {
        error(
            f,
            origins.get(i),
            "thermal curve times must increase",
            "the point before is at " + minutes(before));
      }
      if (p.fraction() > before.fraction() + 1e-9) {
        error(
            f,
            origins.get(i),
            "thermal curve fractions must never increase: a device does not speed up under "
                + "continuous load",
            "the point before is "
                + Math.round(before.fraction() * 100)
                + "% at "
                + minutes(before));
      } else if (p.fraction() <= 0) {
        error(f, origins.get(i), "thermal curve fractions must stay above 0%", "");
      }
    }
  }

  private static String minutes(ThermalModel.Point p) {
    return dev.devq.lang.unit.QuantityFormat.number(p.at().value() / 60) + " min";
  }

  private static void error(Fields f, Origin at, String message, String note) {
    f.problems().error(at.source(), at.span(), message, note);
  }
}
