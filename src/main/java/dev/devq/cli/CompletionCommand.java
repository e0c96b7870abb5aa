package dev.devq.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devq completion bash|zsh|fish}: a completion script for the shell, written from the
 * commands' own picocli model so it never lists an option devq does not have. Install with {@code
 * source <(devq completion bash)} or as README.md describes.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script for devq.",
      "  bash:  source <(devq completion bash)",
      "  zsh:   source <(devq completion zsh)",
      "  fish:  devq completion fish > ~/.config/fish/completions/devq.fish"
    })
final class CompletionCommand implements Callable<Integer> {
  enum Shell {
    bash,
    zsh,
    fish
  }

  @Spec CommandLine.Model.CommandSpec spec;

  /**
   * Accepted here as after every other command ({@code devq help --no-color}); neither reads the
   * profiles nor writes colour.
   */
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String script =
        switch (shell) {
            // picocli's script serves zsh too once bash-style completion is loaded there.
          case bash -> AutoComplete.bash("devq", root);
          case zsh ->
              "autoload -U +X compinit && compinit\n"
                  + "autoload -U +X bashcompinit && bashcompinit\n"
                  + AutoComplete.bash("devq", root);
          case fish -> FishCompletion.script("devq", root);
        };
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
