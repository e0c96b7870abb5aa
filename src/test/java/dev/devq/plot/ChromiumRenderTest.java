package dev.devq.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.devq.Figure;
import dev.devq.PlotRequest;
import dev.devq.plot.svg.SvgCharts;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser draws what devq writes: headless Chromium renders a thermal curve and a timeline to
 * PNG, and each image has many colours and ink on a good share of it, not a blank page. CI (env
 * {@code CI=true}) installs Debian's {@code chromium} and must run this; elsewhere a missing
 * browser skips it with a message.
 */
class ChromiumRenderTest {
  @TempDir Path dir;

  @Test
  void chromiumDrawsAThermalCurveAndATimeline() throws Exception {
    String browser = browser();
    Figure curve = SvgChartsTest.sweep(SvgChartsTest.TWO_PHONES, "t in 0min..30min step 5min");
    Figure timeline =
        SvgChartsTest.of(
            PlotRequest.Kind.TIMELINE, "latency(mobilenet_v2, iphone_12, units = cpu_and_gpu)");
    assertNotBlank(render(browser, curve, "curve"));
    assertNotBlank(render(browser, timeline, "timeline"));
  }

  private BufferedImage render(String browser, Figure chart, String name) throws Exception {
    Path svg = dir.resolve(name + ".svg");
    Path png = dir.resolve(name + ".png");
    Files.writeString(svg, chart.svg(), StandardCharsets.UTF_8);
    var process =
        new ProcessBuilder(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile-" + name),
                "--window-size=" + SvgCharts.WIDTH + "," + SvgCharts.HEIGHT,
                "--screenshot=" + png,
                svg.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within 120 s");
    }
    assertEquals(0, process.exitValue(), () -> log(name));
    assertTrue(Files.exists(png), () -> "no screenshot; " + log(name));
    return ImageIO.read(png.toFile());
  }

  /** Many distinct colours and at least 3% of the pixels not white: a chart, not an empty page. */
  private static void assertNotBlank(BufferedImage image) {
    Set<Integer> colors = new HashSet<>();
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colors.add(rgb);
        if (rgb != 0xFFFFFF) {
          ink++;
        }
      }
    }
    double share = ink / (double) (image.getWidth() * image.getHeight());
    assertTrue(colors.size() >= 16, "only " + colors.size() + " colours in the screenshot");
    assertTrue(share >= 0.03, "only " + share + " of the screenshot is not white");
  }

  private String log(String name) {
    try {
      return Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }

  private static String browser() {
    // Debian's package installs /usr/bin/chromium; look along PATH as well
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : new String[] {"chromium", "chromium-browser"}) {
        File candidate = new File(dir, name);
        if (!dir.isEmpty() && candidate.canExecute()) {
          return candidate.getPath();
        }
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("CI must render the charts, but chromium is not installed (.ci/run installs it)");
    }
    Assumptions.abort("chromium is not installed; apt-get install chromium to run this check");
    return "";
  }
}
