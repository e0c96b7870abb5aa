package dev.devq.kb;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code sources.yaml}. */
final class SourcesReader {
  private SourcesReader() {}

  static List<Source> read(Fields f) {
    List<Source> out = new ArrayList<>();
    for (Fields s : f.objects("sources", true)) {
      String id = s.id("id");
      String title = s.id("title");
      String url = s.text("url", "");
      String read = s.text("read", "");
      // A missing or unknown kind is reported by word(); REPORT keeps the rest of the checks going.
      Evidence parsed = Evidence.parse(s.word("evidence", Evidence.labels(), ""));
      Evidence evidence = parsed == null ? Evidence.REPORT : parsed;
      if (url.isEmpty()) {
        s.problems().error(s.node(), "source '" + id + "' needs a url", "");
      }
      if (!read.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
        s.problems()
            .error(s.node(), "source '" + id + "' needs 'read: YYYY-MM' (when it was read)", "");
      }
      s.finish();
      out.add(new Source(id, title, url, read, evidence, s.origin()));
    }
    f.finish();
    return out;
  }
}
