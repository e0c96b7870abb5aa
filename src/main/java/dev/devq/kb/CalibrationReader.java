package dev.devq.kb;

import java.util.LinkedHashMap;
import java.util.List;
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
    Map<String, Map<String, List<String>>> scope = scope(f.object("scope", false));
    f.finish();
    return new Calibration(constants, fittedOn, fittedAt, low, high, scope, origin);
  }

  /**
   * {@code scope:}, a mapping of range settings to kinds of model to the models the fit's rows
   * measured ({@code llama_cpp.cpu_and_gpu: {decoder: [llama_2_7b]}}); empty when absent.
   */
  private static Map<String, Map<String, List<String>>> scope(Fields s) {
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    if (s == null) {
      return out;
    }
    for (String setting : s.keys()) {
      Fields kinds = s.object(setting, true);
      if (kinds == null) {
        continue;
      }
      Map<String, List<String>> k = new LinkedHashMap<>();
      for (String kind : kinds.keys()) {
        k.put(kind, kinds.texts(kind));
      }
      kinds.finish();
      out.put(setting, k);
    }
    s.finish();
    return out;
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
