package dev.devq.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code releases.yaml}: the major OS releases of each platform, each group with a source.
 */
final class ReleasesReader {
  private static final List<String> PLATFORMS = List.of("iOS", "macOS");

  private ReleasesReader() {}

  static List<OsRelease> read(Fields f) {
    List<OsRelease> out = new ArrayList<>();
    for (Fields r : f.objects("releases", true)) {
      String platform = r.word("platform", PLATFORMS, "").toLowerCase(Locale.ROOT);
      for (YamlNode item : majors(r)) {
        int major = item instanceof YamlNode.Scalar s ? major(s.text()) : -1;
        if (major < 0) {
          r.problems()
              .error(item, "'majors' must list whole numbers such as 17, found " + shown(item), "");
        } else {
          out.add(new OsRelease(platform, major, r.defaults()));
        }
      }
      r.finish();
    }
    f.finish();
    return out;
  }

  private static List<YamlNode> majors(Fields r) {
    YamlNode list = r.raw("majors");
    if (list instanceof YamlNode.Sequence seq && !seq.items().isEmpty()) {
      return seq.items();
    }
    r.problems()
        .error(
            list == null ? r.node() : list,
            "'majors' must be a list of major versions such as [17, 18]",
            "");
    return List.of();
  }

  private static String shown(YamlNode item) {
    return item instanceof YamlNode.Scalar s ? "'" + s.text() + "'" : item.kind();
  }

  private static int major(String text) {
    if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(text);
  }
}
