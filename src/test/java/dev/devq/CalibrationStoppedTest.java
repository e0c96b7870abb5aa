package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.calibrate.Calibrator;
import org.junit.jupiter.api.Test;

/**
 * {@code devq calibrate} says how its fit stopped as what it was: a fit that found no step lowering
 * the objective is not printed as converged, nor one the cap stopped.
 */
class CalibrationStoppedTest {
  @Test
  void eachWayAFitStopsIsSaidAsItself() {
    assertEquals(
        "converged after 19 iterations", Calibration.stopped(Calibrator.Stop.CONVERGED, 19));
    assertEquals(
        "stopped after 12 iterations: no step lowers the objective, however damped (a minimum to"
            + " the precision of the numerical Jacobian)",
        Calibration.stopped(Calibrator.Stop.NO_DESCENT, 12));
    assertEquals(
        "stopped at the cap of 100 iterations before converging: the predictions were still"
            + " moving, so these constants are not the fit's minimum",
        Calibration.stopped(Calibrator.Stop.CAP, 100));
  }
}
