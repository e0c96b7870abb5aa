package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer about the knowledge base ({@code info}, {@code list}, {@code search}): its text, its
 * JSON (null when it has no JSON form, such as a budget's three lines), or the error that prevented
 * it, worded for a person, with a suggestion where there is one.
 *
 * <pre>{@code
 * Answer a = devq.info("a16");
 * a.ok() ? a.text() : a.error()
 * }</pre>
 */
public record Answer(String text, JsonNode json, String error) {
  static Answer of(String text, JsonNode json) {
    return new Answer(text, json, "");
  }

  static Answer failed(String error) {
    return new Answer("", null, error);
  }

  public boolean ok() {
    return error.isEmpty();
  }

  /** The text form, or the JSON when asked for and there is one, ready to print as is. */
  public String render(boolean json) {
    return json && this.json != null ? Json.write(this.json) + "\n" : text;
  }
}
