package dev.devq.cost;

import dev.devq.kb.FormFactor;
import dev.devq.kb.Soc;
import dev.devq.kb.ThermalModel;
import java.util.List;

/**
 * The fraction of peak compute a thermal condition leaves, from the SoC's curve for the device's
 * form factor.
 */
final class ThermalFactor {
  /** When a SoC has no curve for a form factor, the nearest form factor's curve stands in. */
  private static final List<FormFactor> FALLBACK_ORDER =
      List.of(
          FormFactor.PHONE,
          FormFactor.TABLET,
          FormFactor.FANLESS_LAPTOP,
          FormFactor.LAPTOP,
          FormFactor.DESKTOP);

  private ThermalFactor() {}

  static double of(Soc soc, FormFactor formFactor, Thermal thermal) {
    ThermalModel model = model(soc, formFactor);
    if (model == null) {
      return 1;
    }
    if (thermal.afterLoad()) {
      return model.after(thermal.seconds());
    }
    return switch (thermal.state()) {
      case NOMINAL -> 1;
      case FAIR -> model.fair();
      case SERIOUS, THROTTLED -> model.serious();
      case CRITICAL -> model.critical();
      case SUSTAINED -> model.sustained();
    };
  }

  static ThermalModel model(Soc soc, FormFactor formFactor) {
    ThermalModel exact = soc.thermal().get(formFactor);
    if (exact != null) {
      return exact;
    }
    int at = FALLBACK_ORDER.indexOf(formFactor);
    for (int d = 1; d < FALLBACK_ORDER.size(); d++) {
      for (int i : new int[] {at - d, at + d}) {
        if (i >= 0
            && i < FALLBACK_ORDER.size()
            && soc.thermal().containsKey(FALLBACK_ORDER.get(i))) {
          return soc.thermal().get(FALLBACK_ORDER.get(i));
        }
      }
    }
    return null;
  }
}
