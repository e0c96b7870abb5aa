package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A fit converges when its predictions stand still over a window of iterations, not when one step
 * happens to be small: near a placement switch the fitter alternates steps rejected across it with
 * tiny accepted ones along it, and only the window tells the two apart from a fit still on its way.
 */
class ConvergenceTest {
  private static final double TOLERANCE = Convergence.PREDICTION_TOLERANCE;

  @Test
  void predictionsStandingStillForTheWholeWindowHaveConverged() {
    var c = new Convergence(new double[] {0.10, -0.20});
    for (int i = 1; i <= Convergence.WINDOW; i++) {
      // accepted steps that each move a prediction by a hundredth of the tolerance
      var stop = c.after(new double[] {0.10 - i * TOLERANCE / 100, -0.20}, true);
      assertEquals(
          i == Convergence.WINDOW ? Calibrator.Stop.CONVERGED : Calibrator.Stop.CAP,
          stop,
          "after " + i);
    }
  }

  @Test
  void aCrawlOfTinyStepsThatAddsUpIsNotConverged() {
    var c = new Convergence(new double[] {0.10});
    double r = 0.10;
    for (int i = 1; i <= 3 * Convergence.WINDOW; i++) {
      // each step moves the prediction by a fifth of the tolerance: a test of the last step alone
      // would stop at the first; over the window they add up to twice the tolerance
      r -= TOLERANCE / 5;
      assertEquals(Calibrator.Stop.CAP, c.after(new double[] {r}, true), "after " + i);
    }
  }

  @Test
  void rejectedStepsAlternatingWithTinyAcceptedOnesConverge() {
    var c = new Convergence(new double[] {0.10, 0.05});
    double r = 0.10;
    Calibrator.Stop stop = Calibrator.Stop.CAP;
    int i = 0;
    while (stop == Calibrator.Stop.CAP && i < 100) {
      i++;
      // odd iterations: a step across a switch, rejected, leaves the residuals where they were
      boolean accepted = i % 2 == 0;
      if (accepted) {
        r -= 1e-5;
      }
      stop = c.after(new double[] {r, 0.05}, accepted);
    }
    assertEquals(Calibrator.Stop.CONVERGED, stop);
    assertEquals(Convergence.WINDOW, i);
  }

  @Test
  void aWindowOfRejectedStepsIsNoDescentNotConvergence() {
    var c = new Convergence(new double[] {0.10});
    assertEquals(Calibrator.Stop.CAP, c.after(new double[] {0.09}, true));
    Calibrator.Stop stop = Calibrator.Stop.CAP;
    for (int i = 1; i <= Convergence.WINDOW; i++) {
      stop = c.after(new double[] {0.09}, false);
      assertEquals(
          i == Convergence.WINDOW ? Calibrator.Stop.NO_DESCENT : Calibrator.Stop.CAP,
          stop,
          "after " + i + " rejected");
    }
  }
}
