package dev.devq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code devq list socs|devices|models|ops}: a table, or with {@code --format json} an array of
 * objects with {@code id} first.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the SoCs, devices, models or ops.")
final class ListCommand extends DevqCommand {
  enum Kind {
    socs,
    devices,
    models,
    ops
  }

  @Mixin OutputFormat format;

  @Parameters(paramLabel = "KIND", description = "socs, devices, models or ops")
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
