package dev.devq.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of names and aliases: each lower-cased name or alias with the ids of the entities
 * having it, in the order of kinds. An id appears once per entity; a name several entities have (an
 * alias ops share, as ONNX's Resize) lists them all.
 */
final class NameTable {
  private NameTable() {}

  /** Every entity's name and aliases, lower-cased, with the ids of the entities having each. */
  static Map<String, List<String>> of(List<Entity> entities) {
    Map<String, List<String>> names = new HashMap<>();
    for (Entity e : entities) {
      for (String alias : e.aliases()) {
        names.computeIfAbsent(alias.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e.id());
      }
      names.computeIfAbsent(e.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e.id());
    }
    names.replaceAll((k, v) -> List.copyOf(v));
    return names;
  }

  /** The ids of the entities having {@code nameOrAlias} in {@code names}, each once. */
  static List<String> named(Map<String, List<String>> names, String nameOrAlias) {
    List<String> ids = names.get(nameOrAlias.toLowerCase(Locale.ROOT));
    return ids == null ? List.of() : ids.stream().distinct().toList();
  }
}
