package dev.devq.lang;

import dev.devq.lang.antlr.DevqLexer;
import dev.devq.lang.antlr.DevqParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses query text into the untyped tree of {@link Expr} and {@link Stmt}.
 *
 * <p>With {@link Tokens} and {@link Completeness} (which wrap the lexer and parser for the REPL),
 * this is the only public class that touches ANTLR: the visitor that builds records stays inside
 * the package, to completely hide the parse tree from the rest of devq. Parsing first tries the
 * fast SLL mode and falls back to full LL only when SLL fails, as most queries are unambiguous
 * under SLL. The result is a whole tree or diagnostics, never a partial tree.
 */
public final class AstBuilder {
  /** Deeper nesting than this is refused before the JVM stack is at risk. */
  public static final int MAX_DEPTH = 200;

  /**
   * The most operators one run of {@code a + b + …} or {@code a < b < …} may hold: each is a level
   * of the tree the evaluator walks (2,000 overflowed its stack), and the parse of a longer one
   * costs time quadratic in its length ({@link OperatorChains}).
   */
  public static final int MAX_CHAIN = 1000;

  /** Queries longer than this are refused: nothing legitimate is this large. */
  public static final int MAX_LENGTH = 1 << 20;

  private static final Pattern LONE_CR = Pattern.compile("\r(?!\n)");

  private AstBuilder() {}

  /** Parses a query file or REPL input: statements. */
  public static ParseResult<List<Stmt>> parseQuery(SourceText source) {
    ParseResult<List<Stmt>> parsed =
        parse(source, DevqParser::query, tree -> new TreeVisitor(source).statements(tree));
    Diagnostic runTogether = parsed.ok() ? runTogether(source, parsed.value()) : null;
    return runTogether == null ? parsed : ParseResult.failed(List.of(runTogether));
  }

  /**
   * Two statements on one line with nothing between them are almost always one statement with a
   * word missing ({@code all d in devices latency(…)} lacks its ':'): reported once, where the
   * second begins, instead of as three statements that each fail.
   */
  private static Diagnostic runTogether(SourceText source, List<Stmt> statements) {
    for (int i = 1; i < statements.size(); i++) {
      Span previous = statements.get(i - 1).span();
      Span next = statements.get(i).span();
      String gap = source.text().substring(previous.end(), next.start());
      if (!SourceText.hasLineBreak(gap) && !gap.contains(";")) {
        List<Tokens.Token> first = Tokens.significant(source.slice(next));
        int end = next.start() + (first.isEmpty() ? 0 : first.get(0).end());
        return Diagnostic.error(
                DiagnosticCode.SYNTAX,
                "unexpected '" + source.text().substring(next.start(), end) + "'",
                source,
                new Span(next.start(), end))
            .withLabel("expected " + ExpectedTokens.STATEMENT_BREAK)
            .withNote("a statement ends at the end of its line or at ';'");
      }
    }
    return null;
  }

  /** Parses one expression (the {@code expr} column of a CSV, a model-file formula). */
  public static ParseResult<Expr> parseExpression(SourceText source) {
    return parse(
        source, DevqParser::standaloneExpr, tree -> new TreeVisitor(source).visit(tree.expr()));
  }

  /** Parses a quantity as written in profiles: {@code 51.2 GB/s}, {@code -3 W}, {@code 80%}. */
  public static ParseResult<Expr.QuantityLit> parseQuantity(SourceText source) {
    return parse(
        source, DevqParser::standaloneQuantity, tree -> new TreeVisitor(source).quantity(tree));
  }

  private static <C extends ParserRuleContext, T> ParseResult<T> parse(
      SourceText source, Function<DevqParser, C> entry, Function<C, T> build) {
    if (source.text().length() > MAX_LENGTH) {
      return ParseResult.failed(
          List.of(
              Diagnostic.error(
                  DiagnosticCode.TOO_LARGE,
                  "input of "
                      + source.text().length()
                      + " characters is longer than the limit of "
                      + MAX_LENGTH,
                  source,
                  Span.at(0))));
    }
    org.antlr.v4.runtime.Token chain =
        OperatorChains.tooLong(source.text(), MAX_CHAIN, MAX_DEPTH / 2);
    if (chain != null && (chain.getText().equals("(") || chain.getText().equals("["))) {
      int at = source.offsetOfCodePoint(chain.getStartIndex());
      return tooDeep(source, new Span(at, at + 1));
    }
    if (chain != null) {
      return ParseResult.failed(
          List.of(
              Diagnostic.error(
                      DiagnosticCode.TOO_DEEP,
                      "a chain of more than " + MAX_CHAIN + " operators in one expression",
                      source,
                      new Span(
                          source.offsetOfCodePoint(chain.getStartIndex()),
                          source.offsetOfCodePoint(chain.getStopIndex() + 1)))
                  .withLabel("operator " + (MAX_CHAIN + 1))
                  .withNote("split it with 'let' bindings")));
    }
    var errors = new SyntaxErrorCollector(source);
    try {
      C tree = runParser(source, entry, errors, true);
      if (tree == null) {
        errors.clear();
        tree = runParser(source, entry, errors, false);
      }
      List<Diagnostic> found = errors.diagnostics();
      if (!found.isEmpty()) {
        return ParseResult.failed(found);
      }
      return ParseResult.ok(build.apply(tree));
    } catch (NestingTooDeep e) {
      return tooDeep(source, e.span);
    } catch (StackOverflowError e) {
      return ParseResult.failed(
          List.of(
              Diagnostic.error(
                  DiagnosticCode.TOO_DEEP,
                  "expression nested too deeply to parse",
                  source,
                  Span.at(0))));
    }
  }

  private static <T> ParseResult<T> tooDeep(SourceText source, Span at) {
    return ParseResult.failed(
        List.of(
            Diagnostic.error(
                    DiagnosticCode.TOO_DEEP,
                    "expression nested deeper than " + MAX_DEPTH + " levels",
                    source,
                    at)
                .withNote("split the expression with 'let' bindings")));
  }

  /**
   * A lexer over {@code text} for the parser, with a lone carriage return (an old Mac line end)
   * read as a line feed: ANTLR counts lines by line feeds only, and statement recovery and the
   * "line ends before" diagnosis compare tokens' lines, so in a file of lone CRs every token was on
   * line 1 and one error hid the rest. The text keeps its length, so offsets still index the
   * source.
   */
  static DevqLexer lexer(String text) {
    String lines = text.indexOf('\r') < 0 ? text : LONE_CR.matcher(text).replaceAll("\n");
    return new QueryLexer(CharStreams.fromString(lines));
  }

  /**
   * Runs one parse; in SLL mode returns null when the fast path fails, so the caller retries in LL.
   */
  private static <C extends ParserRuleContext> C runParser(
      SourceText source, Function<DevqParser, C> entry, SyntaxErrorCollector errors, boolean sll) {
    var lexer = lexer(source.text());
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    var parser = new DevqParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addParseListener(new DepthLimit(MAX_DEPTH, source));
    if (sll) {
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.setErrorHandler(new BailErrorStrategy());
      try {
        return entry.apply(parser);
      } catch (ParseCancellationException e) {
        return null;
      }
    }
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    FullContextErrorPrediction.install(parser);
    parser.setErrorHandler(new StatementRecovery());
    parser.addErrorListener(errors);
    return entry.apply(parser);
  }

  /** Aborts a parse whose rule nesting passes the limit (10,000 parentheses must not crash). */
  private static final class DepthLimit implements org.antlr.v4.runtime.tree.ParseTreeListener {
    private final int limit;
    private final SourceText source;
    private int depth;

    DepthLimit(int limit, SourceText source) {
      this.limit = limit;
      this.source = source;
    }

    @Override
    public void enterEveryRule(ParserRuleContext ctx) {
      if (++depth > limit) {
        int start = source.offsetOfCodePoint(ctx.getStart().getStartIndex());
        throw new NestingTooDeep(new Span(start, Math.min(source.text().length(), start + 1)));
      }
    }

    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
      depth--;
    }

    @Override
    public void visitTerminal(org.antlr.v4.runtime.tree.TerminalNode node) {}

    @Override
    public void visitErrorNode(org.antlr.v4.runtime.tree.ErrorNode node) {}
  }

  private static final class NestingTooDeep extends RuntimeException {
    final transient Span span;

    NestingTooDeep(Span span) {
      super(null, null, false, false);
      this.span = span;
    }
  }

  /**
   * Exposed for the ambiguity test: parses one expression with exact ambiguity detection and
   * reports every ambiguous decision as {@code rule at token-index}.
   *
   * <p>Decisions of {@code expr} itself are left out: they are the operator loops that ANTLR
   * generates for a left-recursive rule, which it reports as ambiguous under exact detection
   * ({@code a + b * c}: does {@code *} continue {@code b} or the sum?) although its precedence
   * predicates decide them, and greedily so for the open-ended body of a quantifier. Every other
   * decision (the alternatives of {@code primary}, units, arguments) must be unambiguous.
   */
  static List<String> ambiguities(SourceText source) {
    var parser = new DevqParser(new CommonTokenStream(lexer(source.text())));
    parser.removeErrorListeners();
    List<String> found = new ArrayList<>();
    parser.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
    parser.addErrorListener(
        new org.antlr.v4.runtime.BaseErrorListener() {
          @Override
          public void reportAmbiguity(
              Parser recognizer,
              org.antlr.v4.runtime.dfa.DFA dfa,
              int startIndex,
              int stopIndex,
              boolean exact,
              java.util.BitSet ambigAlts,
              org.antlr.v4.runtime.atn.ATNConfigSet configs) {
            if (exact && dfa.atnStartState.ruleIndex != DevqParser.RULE_expr) {
              found.add(
                  recognizer.getRuleNames()[dfa.atnStartState.ruleIndex] + " at " + startIndex);
            }
          }
        });
    parser.standaloneExpr();
    return found;
  }
}
