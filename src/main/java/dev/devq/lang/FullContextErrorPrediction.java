package dev.devq.lang;

import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * The parser's prediction, changed in one place: when no alternative of a decision fits the input,
 * the alternative to go on with is chosen with the rule's actual callers in view.
 *
 * <p>ANTLR first predicts without knowing who called the rule (SLL), so after an expression it
 * takes every token that may follow an expression anywhere, including {@code +} and {@code -},
 * which may begin a new statement as a sign. In {@code (1 ms +} at the end of input no alternative
 * fits, and ANTLR then prefers the one that ends the expression: the parse left {@code 1 ms} and
 * reported {@code unexpected '+'} where {@code ')'} was expected, as if the {@code +} could not
 * continue the sum, and the REPL did not wait for the rest. Inside the bracket a sign cannot begin
 * a statement; asked again with the callers known, the prediction continues the sum, and the error
 * is the missing operand at the end of input. Valid input never takes this path: it is only reached
 * when the input has a syntax error at or after the decision.
 *
 * <p>This leans on internals of ANTLR's runtime as of 4.13.x, not on its public API: the protected
 * fields {@code _dfa}, {@code _input} and {@code _startIndex} of the prediction under way, the hook
 * {@code getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule}, and {@code
 * execATNWithFullContext}, called with a null DFA state, which that version passes on without
 * reading. The pom pins the runtime to one exact version for this reason. After an upgrade, {@code
 * CompletenessTest} ({@code (1 ms +} must wait for more input) and {@code StatementRecoveryTest}
 * ({@code let a = (1 ms +} must report the line ending after the {@code +}) fail if the override no
 * longer takes effect; a changed signature fails the build.
 *
 * <pre>{@code
 * FullContextErrorPrediction.install(parser);   // before parsing in LL mode
 * }</pre>
 */
final class FullContextErrorPrediction extends ParserATNSimulator {
  private FullContextErrorPrediction(Parser parser, ParserATNSimulator standard) {
    super(parser, standard.atn, standard.decisionToDFA, standard.getSharedContextCache());
    setPredictionMode(standard.getPredictionMode());
  }

  /** Replaces the parser's prediction with this one, keeping its mode and shared caches. */
  static void install(Parser parser) {
    parser.setInterpreter(new FullContextErrorPrediction(parser, parser.getInterpreter()));
  }

  /**
   * Called when every alternative has failed; {@code configs} are where they stood one token
   * before. Without the callers in view (SLL), the decision is made again with them, as full LL
   * does on an ambiguity; only if that fails too does ANTLR's own choice stand.
   */
  @Override
  protected int getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(
      ATNConfigSet configs, ParserRuleContext outerContext) {
    if (configs.fullCtx || getPredictionMode() == PredictionMode.SLL || _dfa == null) {
      return super.getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(configs, outerContext);
    }
    try {
      ATNConfigSet start = computeStartState(_dfa.atnStartState, outerContext, true);
      // the DFA state the fast prediction reached is not needed: ANTLR passes it on unused
      return execATNWithFullContext(_dfa, null, start, _input, _startIndex, outerContext);
    } catch (NoViableAltException e) {
      return super.getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(configs, outerContext);
    } finally {
      _input.seek(_startIndex);
    }
  }
}
