package dev.devq.query.check;

import java.util.List;

/**
 * Parameters shared by several built-ins, as constants: the evaluator finds an argument by its
 * parameter ({@code e.arg(Params.UNITS)}), never by a name string.
 */
public final class Params {
  private Params() {}

  /** The model (or pipeline) of an estimate function. */
  public static final Signature.Param MODEL = p("model", ParamKind.MODEL);

  /** The device or SoC of an estimate function. */
  public static final Signature.Param TARGET = p("target", ParamKind.TARGET);

  /** The conditions every estimate function takes after its model and target, in order. */
  public static final Signature.Param STATE =
      new Signature.Param("state", ParamKind.THERMAL, "nominal");

  public static final Signature.Param UNITS = new Signature.Param("units", ParamKind.UNITS, "all");
  public static final Signature.Param BATCH = new Signature.Param("batch", ParamKind.COUNT, "1");
  public static final Signature.Param START = new Signature.Param("start", ParamKind.START, "warm");

  public static final Signature.Param RUNTIME =
      new Signature.Param("runtime", ParamKind.RUNTIME, "coreml");

  /** The OS release; {@code newest} is the newest the SoC runs. */
  public static final Signature.Param OS = new Signature.Param("os", ParamKind.OS, "newest");

  /** {@code battery(m, d, 30fps, 1h)}: the duty cycle comes right after the target. */
  public static final Signature.Param RATE =
      new Signature.Param("rate", ParamKind.FREQUENCY, "30fps");

  public static final Signature.Param DURATION =
      new Signature.Param("duration", ParamKind.TIME, "1h");

  /** The op {@code supported()} asks about. */
  public static final Signature.Param OP = p("op", ParamKind.OP);

  /** The compute unit {@code supported()} asks about. */
  public static final Signature.Param UNIT = new Signature.Param("unit", ParamKind.UNIT, "ane");

  /** The parameters of every estimate function: model, target, then the conditions. */
  public static List<Signature.Param> estimate() {
    return List.of(MODEL, TARGET, STATE, UNITS, BATCH, START, RUNTIME, OS);
  }

  private static Signature.Param p(String name, ParamKind kind) {
    return new Signature.Param(name, kind, "");
  }
}
