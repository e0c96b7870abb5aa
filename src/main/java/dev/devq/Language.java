package dev.devq;

import dev.devq.view.LanguageHelp;
import java.util.List;

/**
 * The query language described by its own tables (function signatures, the unit registry, the words
 * of each condition), for help and highlighting; needs no knowledge base.
 *
 * <pre>{@code
 * Language.function("latency")   // "latency(model, target, state = nominal, …)\n  …"
 * }</pre>
 */
public final class Language {
  private Language() {}

  /** The names of every built-in function. */
  public static List<String> functionNames() {
    return LanguageHelp.functionNames();
  }

  public static boolean isFunction(String name) {
    return LanguageHelp.isFunction(name);
  }

  /** One function's usage, summary and parameters, or null when there is no such function. */
  public static String function(String name) {
    return LanguageHelp.function(name);
  }

  /** Every function's usage and summary, one after another. */
  public static String functions() {
    return LanguageHelp.functions();
  }

  /** The units, grouped by dimension. */
  public static String units() {
    return LanguageHelp.units();
  }

  /** The words of thermal states, compute units and start modes. */
  public static String states() {
    return LanguageHelp.states();
  }

  /**
   * Help on a word that is not a function (a thermal state, unit set, start, runtime, OS form,
   * precision, quantize scheme, member or unit), or null.
   */
  public static String word(String name) {
    return LanguageHelp.word(name);
  }

  /**
   * The words a query gives a meaning of their own, which no imported model may take as an id:
   * function names, the words of conditions (thermal states, unit sets, starts, runtimes), units
   * and keywords.
   */
  public static java.util.Set<String> reservedWords() {
    return LanguageHelp.reservedWords();
  }

  /** Every name the checker accepts outside the knowledge base, for help coverage. */
  public static List<String> acceptedNames() {
    return LanguageHelp.acceptedNames();
  }
}
