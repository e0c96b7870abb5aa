package dev.devq.query.check;

import dev.devq.kb.Entity;
import dev.devq.kb.ModelProfile;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Span;
import java.util.List;
import java.util.Map;

/**
 * A device written where an estimate function wants its model, and a model where it wants its
 * target: {@code latency(iphone_15_pro, mobilenet_v2)}. Each argument alone is only the wrong kind,
 * so each got an error of its own and neither said what fixes both; this reports the pair once,
 * with the call as meant.
 *
 * <pre>{@code
 * error[TYPE_MISMATCH]: arguments swapped: 'iphone_15_pro' is a device and 'mobilenet_v2' a model
 *   = write latency(mobilenet_v2, iphone_15_pro)
 * }</pre>
 */
final class SwappedArguments {
  private static final List<String> TARGET_KINDS = List.of("soc", "device");

  private SwappedArguments() {}

  /**
   * The arguments with the model's and the target's values exchanged, after reporting the swap;
   * {@code bound} itself when they are not a target and a model named in each other's place.
   */
  static Map<String, Expr.Arg> mended(
      Checker checker,
      Resolver resolver,
      Expr.Call call,
      Builtin function,
      Map<String, Expr.Arg> bound) {
    if (!function.isEstimate()) {
      return bound;
    }
    Expr.Arg model = bound.get(Params.MODEL.name());
    Expr.Arg target = bound.get(Params.TARGET.name());
    if (model == null || target == null) {
      return bound;
    }
    Type device = kindOf(checker, resolver, model.value(), TARGET_KINDS);
    Type zooModel = kindOf(checker, resolver, target.value(), List.of("model"));
    if (!(device instanceof Type.Entity e && TARGET_KINDS.contains(e.kind()))
        || !(zooModel instanceof Type.Model)) {
      return bound;
    }
    String written = checker.source().slice(call.span());
    checker.error(
        DiagnosticCode.TYPE_MISMATCH,
        "arguments swapped: '"
            + shown(model.value())
            + "' is "
            + device.describe()
            + " and '"
            + shown(target.value())
            + "' a model",
        model.value().span().to(target.value().span()),
        "the model comes first, then the target",
        "write " + exchanged(written, call.span().start(), model.value(), target.value()));
    var mended = new java.util.LinkedHashMap<>(bound);
    mended.put(Params.MODEL.name(), withValue(model, target.value()));
    mended.put(Params.TARGET.name(), withValue(target, model.value()));
    return mended;
  }

  /**
   * The type of what a bare name or a string names among {@code kinds} (an entity's, or a model's),
   * or of the variable a name is; null for anything else, which the argument's own check judges.
   */
  private static Type kindOf(Checker checker, Resolver resolver, Expr value, List<String> kinds) {
    if (value instanceof Expr.Name n && checker.lookupVar(n.id()) != null) {
      return checker.lookupVar(n.id());
    }
    Entity e =
        value instanceof Expr.Name n
            ? resolver.entity(n.id(), kinds, false)
            : value instanceof Expr.StringLit s ? resolver.entity(s.value(), kinds, true) : null;
    if (e == null) {
      return null;
    }
    return e instanceof ModelProfile ? Type.MODEL : new Type.Entity(e.kind());
  }

  /** A name as written, a string as its text. */
  private static String shown(Expr value) {
    return value instanceof Expr.StringLit s ? s.value() : ((Expr.Name) value).id();
  }

  /** {@code call}, the text from offset {@code at}, with the two values' texts exchanged. */
  private static String exchanged(String call, int at, Expr first, Expr second) {
    Span a = first.span().start() < second.span().start() ? first.span() : second.span();
    Span b = a == first.span() ? second.span() : first.span();
    return call.substring(0, a.start() - at)
        + call.substring(b.start() - at, b.end() - at)
        + call.substring(a.end() - at, b.start() - at)
        + call.substring(a.start() - at, a.end() - at)
        + call.substring(b.end() - at);
  }

  private static Expr.Arg withValue(Expr.Arg arg, Expr value) {
    return new Expr.Arg(arg.span(), arg.name(), arg.nameSpan(), value);
  }
}
