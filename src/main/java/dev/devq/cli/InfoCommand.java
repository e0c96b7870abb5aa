package dev.devq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code devq info ID}: an entity with every field, its source and confidence. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Show a SoC, device, op, model, budget or source with every field and where it comes from.")
final class InfoCommand extends DevqCommand {
  @Mixin OutputFormat format;

  @Parameters(
      paramLabel = "ID",
      description = "an id, name or alias",
      completionCandidates = EntityIds.class)
  String id;

  @Override
  boolean json() {
    return format.json();
  }

  @Override
  int run() throws Loader.Failed {
    if (id.isBlank()) {
      // devq info "$NAME" with the variable unset: say what is missing, not "nothing is called ''"
      return fail(
          "info needs a name, id or alias, e.g. "
              + example("info", "a16")
              + "; "
              + example("list", "socs")
              + " lists them");
    }
    return answer(devq().info(id));
  }
}
