package dev.devq.query.eval;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import dev.devq.lang.Stmt;
import dev.devq.lang.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps one failed {@code let} from cascading: the let's own error says what became of the name,
 * and each statement that uses it is skipped without an error of its own (it would only repeat
 * "unknown name" at every use). A helper of {@link Interpreter}.
 */
final class FailedLets {
  private FailedLets() {}

  /**
   * Whether the statement names a failed binding: a name token that is not a member ({@code .m}), a
   * named argument ({@code m = …}) or a variable the statement binds itself ({@code m in …}).
   */
  static boolean uses(SourceText source, Stmt stmt, Set<String> failed) {
    if (failed.isEmpty()) {
      return false;
    }
    var span = stmt instanceof Stmt.Let let ? let.value().span() : stmt.span();
    List<Tokens.Token> tokens = Tokens.significant(source.slice(span));
    for (int i = 0; i < tokens.size(); i++) {
      Tokens.Token t = tokens.get(i);
      if (t.kind() != Tokens.Kind.NAME || !failed.contains(t.text())) {
        continue;
      }
      String before = i == 0 ? "" : tokens.get(i - 1).text();
      String after = i + 1 == tokens.size() ? "" : tokens.get(i + 1).text();
      if (!before.equals(".") && !after.equals("=") && !after.equals("in")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The let's diagnostics, the first saying what became of the name. In a file each statement
   * stands alone: the name is left undefined and what uses it is skipped. An atomic input (the
   * REPL's) keeps nothing of itself on an error, so the name keeps what it had before the input:
   * {@code before} is the session the input started from.
   */
  static List<Diagnostic> noted(
      List<Diagnostic> diagnostics, String name, boolean atomic, Session before) {
    String note =
        !atomic
            ? "is left undefined: statements that use it are skipped, not run"
            : before.types().containsKey(name)
                ? "keeps its earlier value: an input with an error changes nothing"
                : "stays undefined: an input with an error changes nothing";
    List<Diagnostic> out = new ArrayList<>(diagnostics);
    out.set(0, out.get(0).withNote("'" + name + "' " + note));
    return out;
  }
}
