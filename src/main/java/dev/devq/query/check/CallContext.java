package dev.devq.query.check;

import dev.devq.lang.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a cursor stands among the tokens before it, for {@link Completions}: in which argument of
 * which function call, and where the expression before a {@code .} starts. Works on unfinished
 * input, which the parser cannot build a tree of.
 */
final class CallContext {
  private CallContext() {}

  /** An argument of a built-in function's call: the function and the parameter it is for. */
  record Slot(Builtin function, Signature.Param param) {}

  /**
   * The argument of the innermost open call that is still empty ({@code latency(m, } or {@code
   * latency(m, state = }), or null outside such a slot. Every argument of {@code seq(a, b, …)} is
   * its one parameter.
   */
  static Slot slot(List<Tokens.Token> tokens) {
    int open = -1;
    int depth = 0;
    for (int i = tokens.size() - 1; i >= 0 && open < 0; i--) {
      String t = tokens.get(i).text();
      if (closes(t)) {
        depth++;
      } else if (opens(t)) {
        if (depth == 0) {
          open = i;
        }
        depth--;
      }
    }
    if (open < 1 || !tokens.get(open).text().equals("(")) {
      return null;
    }
    Builtin function = Builtin.named(tokens.get(open - 1).text());
    if (function == null) {
      return null;
    }
    Signature sig = function.signature();
    List<List<Tokens.Token>> args = split(tokens.subList(open + 1, tokens.size()));
    List<Tokens.Token> current = args.get(args.size() - 1);
    if (current.size() == 2 && current.get(1).text().equals("=")) {
      String name = current.get(0).text();
      return sig.params().stream()
          .filter(p -> p.name().equals(name))
          .findFirst()
          .map(p -> new Slot(function, p))
          .orElse(null);
    }
    if (!current.isEmpty()) {
      return null;
    }
    int position = 0;
    for (List<Tokens.Token> a : args.subList(0, args.size() - 1)) {
      if (!(a.size() >= 2 && a.get(1).text().equals("="))) {
        position++;
      }
    }
    if (function.isVariadic()) {
      return new Slot(function, sig.params().get(0));
    }
    return position < sig.params().size() ? new Slot(function, sig.params().get(position)) : null;
  }

  /**
   * The index of the first token of the receiver before the {@code .} at {@code dot}: a name, a
   * call or a bracketed expression, with member accesses chained ({@code a16.ane}); -1 if none.
   */
  static int receiverStart(List<Tokens.Token> tokens, int dot) {
    int i = dot - 1;
    while (i >= 0) {
      String t = tokens.get(i).text();
      if (closes(t)) {
        i = matching(tokens, i);
        if (i < 0) {
          return -1;
        }
        if (t.equals(")") && i > 0 && isName(tokens.get(i - 1))) {
          i--;
        }
      } else if (!isName(tokens.get(i))) {
        return -1;
      }
      if (i >= 2 && tokens.get(i - 1).text().equals(".")) {
        i -= 2;
      } else {
        return i;
      }
    }
    return -1;
  }

  private static int matching(List<Tokens.Token> tokens, int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      String t = tokens.get(i).text();
      if (closes(t)) {
        depth++;
      } else if (opens(t) && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Splits argument tokens at the commas outside brackets. */
  private static List<List<Tokens.Token>> split(List<Tokens.Token> tokens) {
    List<List<Tokens.Token>> args = new ArrayList<>();
    List<Tokens.Token> current = new ArrayList<>();
    int depth = 0;
    for (Tokens.Token t : tokens) {
      if (opens(t.text())) {
        depth++;
      } else if (closes(t.text())) {
        depth--;
      }
      if (depth == 0 && t.text().equals(",")) {
        args.add(current);
        current = new ArrayList<>();
      } else {
        current.add(t);
      }
    }
    args.add(current);
    return args;
  }

  private static boolean isName(Tokens.Token t) {
    return t.kind() == Tokens.Kind.NAME || t.kind() == Tokens.Kind.KEYWORD;
  }

  private static boolean opens(String t) {
    return t.equals("(") || t.equals("[");
  }

  private static boolean closes(String t) {
    return t.equals(")") || t.equals("]");
  }
}
