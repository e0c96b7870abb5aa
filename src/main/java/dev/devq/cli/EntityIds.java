package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.LoadException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The ids of the shipped SoCs, devices, models and ops, as picocli completion candidates of {@code
 * info ID} and of the words of an {@code EXPR}, so the shell scripts of {@code devq completion}
 * complete {@code devq info a1<TAB>} as the REPL does.
 *
 * <p>picocli makes one of these whenever it builds the command model, that is on every run: the
 * knowledge base is read only when a completion script iterates the ids, and once per process.
 */
final class EntityIds implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Loaded.IDS.iterator();
  }

  /** Loaded on first use (class initialisation runs once, when the ids are first asked for). */
  private static final class Loaded {
    static final List<String> IDS = load();

    private static List<String> load() {
      List<String> ids = new ArrayList<>();
      try {
        Devq devq = Devq.load();
        for (ListCommand.Kind kind : ListCommand.Kind.values()) {
          if (!kind.entities()) {
            continue; // budget(name) and a source are not words of an expression
          }
          devq.list(kind.name()).json().forEach(entity -> ids.add(entity.get("id").asText()));
        }
      } catch (LoadException e) {
        // the shipped profiles failed to load: every command reports that; a script without ids
        // still completes commands, options and files
        return List.of();
      }
      return List.copyOf(ids);
    }
  }
}
