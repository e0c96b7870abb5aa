package dev.devq.onnx;

import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The id an import writes its model under. One given with {@code --id} is kept or refused, never
 * changed behind the user's back; one made from the file name is renamed when it cannot serve, and
 * the import says so. Either way an id may not be a word of the query language (a model named
 * {@code latency} took every {@code latency(…)} call) nor the name of a SoC, a device or an op (the
 * profiles would refuse to load); a given id may name a model, which the import then replaces.
 */
final class ModelIds {
  /**
   * The longest model id: it names {@code models/ID.yaml} and its temporary file ({@code .ID…
   * .yaml.tmp}, 30 characters more), and a file name has at most 255 bytes.
   */
  static final int MAX_ID = 128;

  /** What a file name's id gets when it cannot serve as it is. */
  private static final String SUFFIX = "_onnx";

  private ModelIds() {}

  /**
   * The id, and when it is not the one the file name gives, a line saying why ({@code note}, else
   * empty).
   */
  record Chosen(String id, String note) {}

  static Chosen of(String given, Path file, KnowledgeBase kb, Set<String> reserved)
      throws ImportFailure {
    if (!given.isEmpty()) {
      return new Chosen(given(given, kb, reserved), "");
    }
    String stem = file.getFileName().toString().replaceFirst("\\.onnx$", "");
    String base =
        stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "model_" + base;
    }
    base = shortened(base, MAX_ID);
    String why = taken(base, kb, reserved);
    if (why.isEmpty()) {
      return new Chosen(base, "");
    }
    String id = shortened(base, MAX_ID - SUFFIX.length() - 3) + SUFFIX;
    for (int n = 2; !taken(id, kb, reserved).isEmpty(); n++) {
      id = shortened(base, MAX_ID - SUFFIX.length() - 3) + SUFFIX + n;
    }
    return new Chosen(
        id,
        "the file name gives the id '"
            + base
            + "', "
            + why
            + "; the model is written as "
            + id
            + " (--id gives it another)");
  }

  /** An id given with --id, refused where it cannot serve. */
  private static String given(String id, KnowledgeBase kb, Set<String> reserved)
      throws ImportFailure {
    if (id.length() > MAX_ID) {
      throw new ImportFailure(
          "--id is " + id.length() + " characters long; an id has at most " + MAX_ID,
          "the id names the file models/ID.yaml, and a file name has at most 255 bytes");
    }
    if (!id.matches("[a-z][a-z0-9_]*")) {
      throw new ImportFailure(
          "--id '"
              + id
              + "' is not an id: use lower-case letters, digits and _ , starting with a letter");
    }
    if (reserved.contains(id)) {
      throw new ImportFailure(
          "the id '" + id + "' is a word of the query language",
          "give another with --id, e.g. --id " + id + "_model");
    }
    // a model of that id is replaced by the import (an overlay may override a model)
    Entity entity = kb.lookup(id);
    List<String> sharing = kb.named(id);
    if (entity != null && !(entity instanceof ModelProfile)
        || entity == null && !sharing.isEmpty()) {
      throw new ImportFailure(
          "--id '" + id + "' is already " + owners(id, entity, sharing),
          "pick another id, e.g. --id " + id + SUFFIX);
    }
    return id;
  }

  /**
   * Why a file name's id cannot serve as it is, or empty: a word of the query language, or a name
   * the profiles already use (a model's too: replacing one is for an id given on purpose).
   */
  private static String taken(String id, KnowledgeBase kb, Set<String> reserved) {
    if (reserved.contains(id)) {
      return "a word of the query language";
    }
    Entity entity = kb.lookup(id);
    List<String> sharing = kb.named(id);
    return entity == null && sharing.isEmpty() ? "" : "already " + owners(id, entity, sharing);
  }

  /**
   * Whose name {@code id} is: the entity it names, or the ops sharing it as an alias (ONNX's {@code
   * resize} names three).
   */
  private static String owners(String id, Entity entity, List<String> sharing) {
    if (entity == null) {
      return "a name of ops " + String.join(", ", sharing);
    }
    return (entity.id().equals(id) ? "the" : "a")
        + " name of "
        + entity.kind()
        + " '"
        + entity.id()
        + "'";
  }

  private static String shortened(String id, int length) {
    return id.length() <= length ? id : id.substring(0, length).replaceAll("_+$", "");
  }
}
