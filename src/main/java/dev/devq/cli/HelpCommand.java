package dev.devq.cli;

import dev.devq.Language;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devq help [TOPIC]}: the usage of a command ({@code devq help check}), or the same text the
 * REPL's {@code :help} shows for the language (a function, {@code functions}, {@code units}, {@code
 * states}, {@code commands}, {@code keys}). One text serves both, so they cannot drift.
 */
@Command(
    name = "help",
    mixinStandardHelpOptions = true,
    description = "Show the usage of a command, or help on the query language (as :help does).")
final class HelpCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  /**
   * Accepted here as after every other command ({@code devq help --no-color}); neither reads the
   * profiles nor writes colour.
   */
  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..1",
      paramLabel = "TOPIC",
      description =
          "a command (check, eval, …), a function (latency, …), or functions, units, states,"
              + " commands, keys")
  String topic;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CommandLine root = spec.root().commandLine();
    if (topic == null) {
      out.print(root.getUsageMessage(CommandLine.Help.Ansi.OFF));
      out.println();
      out.println("Help on the query language: devq help TOPIC, where TOPIC is a function");
      out.println("(latency, memory, …) or functions, units, states, commands, keys.");
      out.flush();
      return ExitCodes.OK;
    }
    CommandLine command = root.getSubcommands().get(topic);
    if (command != null) {
      // a command's usage once; info, search and explain are functions too: then their signature
      out.print(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
      String signature = Language.function(topic);
      if (signature != null) {
        out.println();
        out.println("In queries:");
        out.print(signature);
      }
      out.flush();
      return ExitCodes.OK;
    }
    String text = ReplHelp.text(topic);
    if (text.startsWith("devq: ")) {
      spec.commandLine().getErr().print(text);
      spec.commandLine().getErr().flush();
      return ExitCodes.BAD_INPUT;
    }
    out.print(text);
    out.flush();
    return ExitCodes.OK;
  }
}
