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
      return v;
    } catch (NumberFormatException e) {
      f.problems().error(f.node(), "'" + key + "' must be a number, found '" + text + "'", "");
      return 1;
    }
  }
}
