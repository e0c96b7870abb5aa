package dev.devq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code devq list socs|devices|models|ops|budgets|sources}: a table, or with {@code --format json}
 * an array of objects with {@code id} first.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List the SoCs, devices, models or ops, the budgets budget(name) reads, or the sources"
            + " every number cites.")
final class ListCommand extends DevqCommand {
  enum Kind {
    socs,
    devices,
    models,
    ops,
    budgets,
    sources;

    /** Whether its ids name things a query or {@code info} reads as entities (not a budget). */
    boolean entities() {
      return this != budgets && this != sources;
    }
  }

  @Mixin OutputFormat format;

  @Parameters(paramLabel = "KIND", description = "socs, devices, models, ops, budgets or sources")
  Kind kind;

  @Override
  boolean json() {
    return format.json();
  }

  @Override
  int run() throws Loader.Failed {
    return answer(devq().list(kind.name()));
  }
}
