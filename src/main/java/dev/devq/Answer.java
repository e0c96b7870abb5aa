package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.kb.Deferred;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An answer about the knowledge base ({@code info}, {@code list}, {@code search}): its text, its
 * JSON (null when it has no JSON form, such as a budget's three lines), or the error that prevented
 * it, worded for a person, with a suggestion where there is one, and as diagnostics for a JSON
 * reader (the same {@code errors} shape every command prints).
 *
 * <p>The JSON is rendered on the first call of {@link #json}: a person reading the text (the REPL's
 * default) never pays for a tree that would only be thrown away, such as the zoo model that the
 * JSON of a model carries. Two answers are equal when their text, JSON and error are.
 *
 * <pre>{@code
 * Answer a = devq.info("a16");
 * a.ok() ? a.text() : a.error()
 * }</pre>
 */
public final class Answer {
  private static final Supplier<JsonNode> NONE = () -> null;

  private final String text;
  private final Supplier<JsonNode> json;
  private final String error;
  private final List<Diagnostic> errors;
  private final List<String> notes;

  /** An answer whose JSON is already made. */
  public Answer(String text, JsonNode json, String error) {
    this(text, () -> json, error, List.of(), List.of());
  }

  private Answer(
      String text,
      Supplier<JsonNode> json,
      String error,
      List<Diagnostic> errors,
      List<String> notes) {
    this.text = text;
    this.json = json;
    this.error = error;
    this.errors = errors;
    this.notes = List.copyOf(notes);
  }

  /** An answer whose JSON {@code json} makes when first asked for (null: it has none). */
  static Answer of(String text, Supplier<JsonNode> json) {
    return new Answer(text, json == null ? NONE : once(json), "", List.of(), List.of());
  }

  /** Refused with a message of its own wording and no diagnostics (an import's report). */
  static Answer failed(String error) {
    return new Answer("", NONE, error, List.of(), List.of());
  }

  /** Refused for errors in a file or query, rendered as everywhere else. */
  static Answer failed(List<Diagnostic> diagnostics) {
    return new Answer(
        "", NONE, DiagnosticRenderer.render(diagnostics), List.copyOf(diagnostics), List.of());
  }

  /**
   * Refused for a command-line argument: {@code devq: message} and a line per note for a person,
   * one diagnostic spanning the argument for a JSON reader, its file named {@code where} (such as
   * {@code <id>} or {@code --soc}).
   */
  static Answer refused(
      DiagnosticCode code, String where, String argument, String message, String... notes) {
    var d =
        Diagnostic.error(
            code, message, new SourceText(where, argument), new Span(0, argument.length()));
    var text = new StringBuilder("devq: ").append(message).append('\n');
    for (String note : notes) {
      d = d.withNote(note);
      text.append(note).append('\n');
    }
    return new Answer("", NONE, text.toString(), List.of(d), List.of());
  }

  /**
   * The same answer, whose JSON is a copy of this one's, made when asked for: the tree is mutable,
   * and an answer remembered for a session gives each caller its own.
   */
  Answer withOwnJson() {
    return new Answer(
        text,
        once(
            () -> {
              JsonNode tree = json.get();
              return tree == null ? null : tree.deepCopy();
            }),
        error,
        errors,
        notes);
  }

  /**
   * The same answer with one more line for the person who asked, beside the answer rather than in
   * it (on standard error): something done as asked that they may not expect, such as an imported
   * model that replaces a built-in one, or one renamed from its file's name.
   */
  Answer withNote(String line) {
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(line);
    return new Answer(text, json, error, errors, more);
  }

  /** Makes the value once, on the first call, then keeps it; null stays null. */
  private static Supplier<JsonNode> once(Supplier<JsonNode> make) {
    Deferred<java.util.Optional<JsonNode>> made =
        Deferred.by(() -> java.util.Optional.ofNullable(make.get()));
    return () -> made.get().orElse(null);
  }

  public String text() {
    return text;
  }

  /** The JSON form, or null when the answer has none; the same tree on every call. */
  public JsonNode json() {
    return json.get();
  }

  public String error() {
    return error;
  }

  /** Why the answer was refused, as diagnostics; empty when it was not, or has only its text. */
  public List<Diagnostic> errors() {
    return errors;
  }

  /** What {@link #withNote} added, a line each without its break, in order. */
  public List<String> notes() {
    return notes;
  }

  public boolean ok() {
    return error.isEmpty();
  }

  /** The text form, or the JSON when asked for and there is one, ready to print as is. */
  public String render(boolean json) {
    JsonNode tree = json ? json() : null;
    return tree != null ? Json.write(tree) + "\n" : text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Answer a
        && Objects.equals(text, a.text)
        && Objects.equals(error, a.error)
        && Objects.equals(notes, a.notes)
        && Objects.equals(json(), a.json());
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, error, notes, json());
  }

  @Override
  public String toString() {
    return "Answer[text=" + text + ", json=" + json() + ", error=" + error + "]";
  }
}
