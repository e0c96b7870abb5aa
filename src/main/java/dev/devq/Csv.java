package dev.devq;

import dev.devq.view.TableView;
import java.util.List;

/**
 * CSV records as RFC 4180 writes them, for reports the front ends build themselves ({@code devq
 * check --format csv}); tables print their own with {@link Outcome#csv()}.
 */
public final class Csv {
  private Csv() {}

  /** One record: a field with a comma, quote or line break quoted, quotes doubled, CRLF after. */
  public static String row(List<String> fields) {
    return TableView.csvRow(fields);
  }
}
