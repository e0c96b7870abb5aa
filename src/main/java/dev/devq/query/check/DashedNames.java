package dev.devq.query.check;

import dev.devq.kb.Entity;
import dev.devq.kb.ModelProfile;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name written as it is spelt elsewhere, with dashes or a Hugging Face owner ({@code
 * mobilenet-v2}, {@code sentence-transformers/all-MiniLM-L6-v2}), parses as a subtraction or a
 * division of unknown names: each part would get an error of its own, suggesting models that share
 * a word. When the text as written names an entity, one error says so and gives its id.
 */
final class DashedNames {
  /** Only words, numbers, dashes and slashes: a real subtraction has spaces or other signs. */
  private static final Pattern WRITTEN_AS_ONE =
      Pattern.compile("[A-Za-z0-9_.]+([-/][A-Za-z0-9_.]+)+");

  private DashedNames() {}

  /**
   * Reports {@code mobilenet-v2} as one unknown name meaning {@code mobilenet_v2} and returns true,
   * or returns false (and reports nothing) when the expression is not such a name.
   */
  static boolean report(Checker c, Resolver resolver, SourceText source, Expr.Binary e) {
    if (e.op() != Expr.BinaryOp.SUB && e.op() != Expr.BinaryOp.DIV) {
      return false;
    }
    String text = source.slice(e.span());
    if (!WRITTEN_AS_ONE.matcher(text).matches() || !partsAreUnknown(c, resolver, e)) {
      return false;
    }
    Entity meant = resolver.entity(text, List.of(), true);
    String label = meant == null ? "" : "names " + kind(meant);
    if (meant == null) {
      meant = huggingFaceModel(resolver, text);
      label = "a Hugging Face id";
    }
    if (meant == null) {
      return false;
    }
    c.error(
        DiagnosticCode.UNKNOWN_NAME,
        "unknown name '" + text + "': unquoted, " + readings(text),
        e.span(),
        label,
        "did you mean '" + meant.id() + "'? ids join words with '_'");
    return true;
  }

  private static String kind(Entity e) {
    return e instanceof ModelProfile ? "a model" : new Type.Entity(e.kind()).describe();
  }

  /** What the signs of {@code text} do unquoted: {@code '-' subtracts and '/' divides}. */
  private static String readings(String text) {
    List<String> signs = new ArrayList<>();
    if (text.contains("-")) {
      signs.add("'-' subtracts");
    }
    if (text.contains("/")) {
      signs.add("'/' divides");
    }
    return String.join(" and ", signs);
  }

  /**
   * The zoo model a Hugging Face id names by its model's name, or null: {@code
   * google/mobilenet_v2_1.0_224} is devq's {@code mobilenet_v2} at width 1.0 and resolution 224.
   */
  private static Entity huggingFaceModel(Resolver resolver, String text) {
    Matcher id = HUGGING_FACE_ID.matcher(text);
    return id.matches() ? resolver.startOf(id.group(1), List.of("model")) : null;
  }

  /** An owner, one '/', and a model's name: {@code google/mobilenet_v2_1.0_224}. */
  private static final Pattern HUGGING_FACE_ID =
      Pattern.compile("[A-Za-z0-9_.-]+/([A-Za-z0-9_.-]+)");

  /**
   * Whether the parts are names and numbers, none bound and the first unknown: {@code d-1} where
   * {@code d} is bound is not one. A later part may be an entity's id, as in a Hugging Face id
   * ({@code google/mobilenet_v2}): divided by an unknown owner it would only get a type error.
   */
  private static boolean partsAreUnknown(Checker c, Resolver resolver, Expr.Binary e) {
    List<Expr> parts = new ArrayList<>();
    flatten(e, parts);
    for (Expr part : parts) {
      if (part instanceof Expr.Name n) {
        if (c.lookupVar(n.id()) != null
            || Checker.COLLECTIONS.contains(n.id())
            || part == parts.get(0) && resolver.entity(n.id(), List.of(), false) != null) {
          return false;
        }
      } else if (!(part instanceof Expr.QuantityLit)) {
        return false;
      }
    }
    return true;
  }

  private static void flatten(Expr e, List<Expr> parts) {
    if (e instanceof Expr.Binary b
        && (b.op() == Expr.BinaryOp.SUB || b.op() == Expr.BinaryOp.DIV)) {
      flatten(b.left(), parts);
      flatten(b.right(), parts);
    } else {
      parts.add(e);
    }
  }
}
