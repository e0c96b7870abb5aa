/**
 * Validation against published measurements, calibration of the cost model's constants, hold-out
 * error and the least-squares solver behind them. Reads measurement CSVs, evaluates each row with
 * the same {@link dev.devq.cost.Prediction} that {@code eval} and {@code explain} show, and never
 * writes into the shipped profiles.
 *
 * <p>May import {@code dev.devq.lang}, {@code lang.unit}, {@code kb}, {@code search}, {@code
 * model}, {@code cost}, {@code query.check}, {@code query.eval} and the JDK; never the facade,
 * {@code doc} or {@code cli}.
 */
package dev.devq.calibrate;
