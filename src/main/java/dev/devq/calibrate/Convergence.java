package dev.devq.calibrate;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When a fit has converged: no row's prediction moved by more than {@link #PREDICTION_TOLERANCE}
 * over the last {@link #WINDOW} iterations, accepted steps and rejected ones alike.
 *
 * <p>Why a window of iterations and not the last step: the cost model is not smooth in its
 * constants. Placement moves a segment to another unit when its time there becomes the shorter, so
 * a step of 0.03% in one constant can move a row's prediction by 13%. Near such a switch the fitter
 * alternates a step that crosses it (rejected: the objective jumps) with a damped one along it
 * (accepted: the objective falls by a millionth), for hundreds of iterations; a test on the last
 * step's decrease alone either stops at a damped step that only looks small or never stops. Ten
 * iterations let the damping fall by a factor of 3⁵ or more when steps are accepted, so a fitter
 * that is merely over-damped moves the predictions within them; one that does not is at a minimum,
 * or at the edge of a switch with nothing left to gain.
 */
final class Convergence {
  /** Iterations over which the predictions must stand still. */
  static final int WINDOW = 10;

  /**
   * 0.1% in log latency: a tenth of the rounding of the median row (published to two or three
   * significant figures, ±1%), and a tenth of the whole percent the held-out figures are quoted to.
   * Predictions that move less over ten iterations have nothing left that either would show.
   */
  static final double PREDICTION_TOLERANCE = 1e-3;

  private final Deque<double[]> recent = new ArrayDeque<>();

  /** Iterations since the last accepted step. */
  private int rejectedInARow;

  /** Starts at the fit's first residuals. */
  Convergence(double[] start) {
    recent.addLast(start.clone());
  }

  /**
   * Records an iteration: the residuals after it (the same ones again after a rejected step) and
   * whether its step was accepted. Says why the fit stops: {@link Calibrator.Stop#CONVERGED} when
   * the predictions have stood still over the last {@link #WINDOW} iterations, {@link
   * Calibrator.Stop#NO_DESCENT} when every one of them was rejected (no step lowers the objective,
   * however damped), and {@link Calibrator.Stop#CAP} while the fit goes on: the cap is then the
   * reason it stops, if it comes first.
   */
  Calibrator.Stop after(double[] residuals, boolean accepted) {
    rejectedInARow = accepted ? 0 : rejectedInARow + 1;
    recent.addLast(residuals.clone());
    if (recent.size() > WINDOW + 1) {
      recent.removeFirst();
    }
    if (recent.size() <= WINDOW) {
      return Calibrator.Stop.CAP;
    }
    double[] then = recent.peekFirst();
    double moved = 0;
    for (int i = 0; i < residuals.length; i++) {
      moved = Math.max(moved, Math.abs(residuals[i] - then[i]));
    }
    if (moved > PREDICTION_TOLERANCE) {
      return Calibrator.Stop.CAP;
    }
    return rejectedInARow >= WINDOW ? Calibrator.Stop.NO_DESCENT : Calibrator.Stop.CONVERGED;
  }
}
