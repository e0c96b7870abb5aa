package dev.devq.kb;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code calibration/*.yaml}, written by {@code devq calibrate}. */
final class CalibrationReader {
  private CalibrationReader() {}

  static Calibration read(Fields f) {
    String fittedOn = f.id("fitted_on");
    String fittedAt = f.id("fitted_at");
    double low = number(f, "residual_p10");
    double high = number(f, "residual_p90");
    Map<String, Double> constants = new LinkedHashMap<>();
    Origin origin = f.originOf("constants");
    Fields c = f.object("constants", true);
    if (c != null) {
      for (String key : c.keys()) {
        if (!key.equals("source") && !key.equals("confidence")) {
          constants.put(key, number(c, key));
        }
      }
      c.finish();
    }
    f.finish();
    return new Calibration(constants, fittedOn, fittedAt, low, high, origin);
  }

  private static double number(Fields f, String key) {
    String text = f.text(key, "");
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v) || v <= 0) {
        f.problems().error(f.raw(key), "'" + key + "' must be a positive number", "");
        return 1;
      }
      boolean low = key.endsWith("p10");
      if ((low || key.endsWith("p90")) && !(low ? v >= 0.01 && v <= 1 : v >= 1 && v <= 100)) {
        // an 80% range's end as a share of the estimate: a range that leaves out its own
        // estimate, or spans orders of magnitude, is not one a fit gives
        f.problems()
            .error(
                f.raw(key),
                "'"
                    + key
                    + "' must be from "
                    + (low ? "0.01 to 1" : "1 to 100")
                    + ", found "
                    + text,
                "the "
                    + (low ? "low" : "high")
                    + " end of an 80% range, as a share of the estimate");
        return 1;
      }
      return v;
    } catch (NumberFormatException e) {
      f.problems().error(f.node(), "'" + key + "' must be a number, found '" + text + "'", "");
      return 1;
    }
  }
}
