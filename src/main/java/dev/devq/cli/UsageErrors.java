package dev.devq.cli;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli refused, worded as devq words its errors: what is missing or wrong and
 * what was found, then the nearest fix and where the command's help is. One wording for devq's
 * commands and the REPL's {@code :} commands, which differ only in how a command is named ({@code
 * list}, {@code :list}) and asked for help ({@code devq list --help}, {@code :help list}).
 *
 * <pre>
 * devq: KIND is socs, devices, models, ops, budgets or sources, found 'device'
 * did you mean 'devices'?
 * try ':help list'
 * </pre>
 */
final class UsageErrors {
  private UsageErrors() {}

  /** Prints the refusal of {@code e}'s command line, run as a REPL command when {@code inRepl}. */
  static void print(ParameterException e, PrintWriter err, boolean inRepl) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandName();
    String qualified = cmd.getCommandSpec().qualifiedName();
    err.println("devq: " + message(e, inRepl ? ":" + name : name));
    UnmatchedArgumentException.printSuggestions(e, err);
    String hint = Choices.didYouMean(e);
    if (!hint.isEmpty()) {
      err.println(hint);
    }
    DashArguments.explain(e, err, inRepl ? ":" + name : qualified);
    err.println("try '" + (inRepl ? ":help " + name : qualified + " --help") + "'");
    err.flush();
  }

  /**
   * What was wrong, for the errors picocli words in its own terms: a missing argument ({@code :load
   * needs FILE}), a word too many, a word that is not one of the choices, a value of the wrong
   * type. Others (an unknown option) keep picocli's message, which names the word.
   */
  static String message(ParameterException e, String command) {
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      // devq has no required options: a missing option is one given without its value
      if (missing.getMissing().get(0) instanceof OptionSpec option) {
        String what = what(option);
        return label(option) + " needs a value" + (what.isEmpty() ? "" : ": " + what);
      }
      return command
          + " needs "
          + String.join(" and ", missing.getMissing().stream().map(UsageErrors::label).toList());
    }
    List<String> takes =
        e.getCommandLine().getCommandSpec().positionalParameters().stream()
            .map(UsageErrors::label)
            .toList();
    if (e instanceof UnmatchedArgumentException u
        && !u.isUnknownOption()
        && !u.getUnmatched().isEmpty()
        && !takes.isEmpty()) {
      return command
          + " takes "
          + String.join(" ", takes)
          + " and nothing more, found also '"
          + String.join("' '", u.getUnmatched())
          + "'";
    }
    ArgSpec spec = e.getArgSpec();
    String value = e.getValue();
    if (spec == null || value == null || e instanceof UnmatchedArgumentException) {
      return e.getMessage();
    }
    String verb = spec.isOption() ? " takes " : " is ";
    String what = what(spec);
    if (what.isEmpty()) {
      return e.getMessage();
    }
    String range = outOfRange(spec, entryValue(spec, value));
    // --dim batch=1e30: the entry's form, then what its value takes
    String entry =
        spec.isOption() && spec.typeInfo().isMap() ? spec.paramLabel() + ", " + VALUE + " " : "";
    return label(spec)
        + verb
        + entry
        + (range.isEmpty() ? what : range)
        + ", found '"
        + value
        + "'";
  }

  /** What the value of a {@code NAME=VALUE} option is called after its form. */
  private static final String VALUE = "VALUE";

  /** The values {@code spec} takes: its choices, else the kind of its type; empty when unknown. */
  private static String what(ArgSpec spec) {
    if (spec.completionCandidates() != null) {
      List<String> choices = new ArrayList<>();
      spec.completionCandidates().forEach(choices::add);
      return oneOf(choices);
    }
    if (spec.typeInfo().isMap()) {
      // a NAME=VALUE option: what its values are (a Map<String, Long>'s Long)
      Class<?>[] types = spec.auxiliaryTypes();
      return types.length < 2 ? "" : kind(types[1]);
    }
    return kind(spec.type());
  }

  /**
   * The value a range is checked on: of {@code NAME=VALUE}, {@code VALUE} (picocli names the whole
   * entry or the value alone, depending on the failure); else {@code value} itself.
   */
  private static String entryValue(ArgSpec spec, String value) {
    int eq = value.indexOf('=');
    return spec.typeInfo().isMap() && eq >= 0 ? value.substring(eq + 1) : value;
  }

  /**
   * Throws the refusal of the first option of {@code spec} whose value lies outside its {@link
   * Range}; picocli has converted it already, so only the option's own bounds are left to check.
   */
  static void checkRanges(CommandSpec spec) {
    for (OptionSpec option : spec.options()) {
      Range range = range(option);
      if (range == null) {
        continue;
      }
      if (option.getValue() instanceof Number n) {
        refuseOutside(spec, option, range, n.longValue(), String.valueOf(n.longValue()));
      } else if (option.getValue() instanceof java.util.Map<?, ?> entries) {
        // --dim NAME=VALUE: each value within the option's range, said with its name
        for (var e : entries.entrySet()) {
          if (e.getValue() instanceof Number n) {
            refuseOutside(spec, option, range, n.longValue(), e.getKey() + "=" + n.longValue());
          }
        }
      }
    }
  }

  private static void refuseOutside(
      CommandSpec spec, OptionSpec option, Range range, long value, String written) {
    if (value < range.min() || value > range.max()) {
      throw new ParameterException(spec.commandLine(), "out of range", option, written);
    }
  }

  /** The {@link Range} declared on {@code spec}'s field, or null. */
  private static Range range(ArgSpec spec) {
    return spec.userObject() instanceof Field f ? f.getAnnotation(Range.class) : null;
  }

  /**
   * The range {@code spec} takes, when {@code value} is a whole number outside it: the option's own
   * {@link Range}, else its type's (a whole number too large is still a whole number); empty
   * otherwise.
   */
  private static String outOfRange(ArgSpec spec, String value) {
    if (!value.matches("[-+]?[0-9]+")) {
      return "";
    }
    BigInteger n = new BigInteger(value);
    Range range = range(spec);
    if (range != null) {
      boolean inside =
          n.compareTo(BigInteger.valueOf(range.min())) >= 0
              && n.compareTo(BigInteger.valueOf(range.max())) <= 0;
      return inside
          ? ""
          : "a whole number from "
              + range.min()
              + " to "
              + range.max()
              + (range.note().isEmpty() ? "" : " (" + range.note() + ")");
    }
    BigInteger min;
    BigInteger max;
    Class<?> type = spec.type();
    if (type == int.class || type == Integer.class) {
      min = BigInteger.valueOf(Integer.MIN_VALUE);
      max = BigInteger.valueOf(Integer.MAX_VALUE);
    } else if (type == long.class || type == Long.class) {
      min = BigInteger.valueOf(Long.MIN_VALUE);
      max = BigInteger.valueOf(Long.MAX_VALUE);
    } else {
      return "";
    }
    if (n.compareTo(max) > 0) {
      return "a whole number up to " + max;
    }
    return n.compareTo(min) < 0 ? "a whole number down to " + min : "";
  }

  /** How the user writes the argument: {@code --format} for an option, {@code KIND} otherwise. */
  private static String label(ArgSpec spec) {
    return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
  }

  /** What a value of the type is called, for the types devq's options have; empty otherwise. */
  private static String kind(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    return type == Path.class ? "a path" : "";
  }

  /** {@code a, b or c}. */
  private static String oneOf(List<String> choices) {
    if (choices.size() < 2) {
      return String.join("", choices);
    }
    return String.join(", ", choices.subList(0, choices.size() - 1))
        + " or "
        + choices.get(choices.size() - 1);
  }
}
