package dev.devq.cli;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Hostile profile overlays for the fuzz suite, each one broken in a way the loader must refuse:
 * impossible values in a copy of a shipped SoC or device, model files that overflow, hang or
 * recurse, YAML features profiles never use, bad sources, unknown directories and bytes that are
 * not YAML at all.
 */
final class OverlayGenerator {
  private static final List<String> BAD_VALUES =
      List.of("0", "1e400", "-1", "abc", "0x10", ".nan", "-.inf", "1e-400x", "", "[1, 2]");
  private static final List<String> SOC_FIELDS =
      List.of(
          "bandwidth: {value: 51.2 GB/s",
          "tops_fp16: 17 TOPS",
          "tflops_fp16: {value: 1.79",
          "power: {value: 8.5 W");

  private final Random random;
  private final String a16;
  private String last = "";

  OverlayGenerator(Random random, Path project) throws IOException {
    this.random = random;
    this.a16 = Files.readString(project.resolve("profiles/socs/a16.yaml"), StandardCharsets.UTF_8);
  }

  /** What the last overlay broke, for the failure message. */
  String last() {
    return last;
  }

  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    switch (random.nextInt(7)) {
      case 0 -> soc(dir);
      case 1 -> device(dir);
      case 2 -> model(dir);
      case 3 -> yaml(dir);
      case 4 -> sources(dir);
      case 5 -> junk(dir);
      default -> layout(dir);
    }
    return dir;
  }

  private void soc(Path dir) throws IOException {
    String field = pick(SOC_FIELDS);
    String key = field.substring(0, field.indexOf(':'));
    String value = pick(BAD_VALUES);
    String unit =
        value.matches("[-0-9.e]+") ? pick(List.of(" GB/s", " TOPS", " TFLOPS", " W")) : "";
    String broken =
        field.contains("{") ? key + ": {value: " + value + unit : key + ": " + value + unit;
    last = "a16 " + broken;
    write(dir.resolve("socs/a16.yaml"), a16.replace(field, broken));
  }

  private void device(Path dir) throws IOException {
    String field =
        pick(List.of("ram: ", "battery_wh: ", "battery_mah: ", "app_memory_limit: ", "year: "));
    String value = pick(List.of("0 GB", "0 Wh", "0 mAh", "1e400 GB", "-3 GB", "0", "soon"));
    last = "device " + field + value;
    write(
        dir.resolve("devices/d.yaml"),
        DevqAssertions.deviceOverlay("ram: 6 GB")
                .replace(field.equals("year: ") ? "year: 2022" : "ram: 6 GB", field + value)
            + (field.equals("ram: ") || field.equals("year: ")
                ? ""
                : "    " + field + value + "\n"));
  }

  private void model(Path dir) throws IOException {
    String head = "id: fz\nname: Fuzz Net\ntask: test\nsource: opt_paper\nconfidence: vendor\n";
    String body =
        switch (random.nextInt(6)) {
          case 0 ->
              "input: [3, 32, 32]\nlayers:\n  - conv2d: {out: "
                  + pick(List.of("9223372036854775807", "1e300", "-4", "0", "x"))
                  + ", kernel: 3}\n";
          case 1 ->
              "input: [3, 32, 32]\nlayers:\n  - repeat: "
                  + pick(List.of("1000000000", "1e18", "0", "-1", "2.5"))
                  + "\n    layers: [relu]\n";
          case 2 ->
              "input: [3, 32, 32]\nlayers:\n  - repeat: 1000\n    layers:\n      - repeat: 1000\n        layers: [relu]\n";
          case 3 ->
              "input: [3, 32, 32]\nblocks:\n  a: {layers: [b]}\n  b: {layers: ["
                  + pick(List.of("a", "b"))
                  + "]}\nlayers: [a]\n";
          case 4 -> doubling(17 + random.nextInt(24));
          default ->
              "input: ["
                  + pick(List.of("1e9", "0", "-1", "2147483648", "x"))
                  + ", 32]\nlayers: [relu]\n";
        };
    last = "model " + body.lines().findFirst().orElse("") + " …";
    write(dir.resolve("models/fz.yaml"), head + body);
  }

  private static String doubling(int depth) {
    StringBuilder b = new StringBuilder("input: [3, 8, 8]\nblocks:\n");
    for (int i = 0; i < depth; i++) {
      String next = i == depth - 1 ? "relu, relu" : "b" + (i + 1) + ", b" + (i + 1);
      b.append("  b").append(i).append(": {layers: [").append(next).append("]}\n");
    }
    return b.append("layers: [b0]\n").toString();
  }

  private void yaml(Path dir) throws IOException {
    String text =
        switch (random.nextInt(6)) {
          case 0 -> a16.replace("bandwidth:", "bandwidth: &bw");
          case 1 -> a16.replace("process:", "process: !custom");
          case 2 -> a16 + "\n---\nid: a17\n";
          case 3 ->
              a16.replace(
                  "process:", "process: " + "[".repeat(60) + "]".repeat(60) + "\nold_process:");
          case 4 -> a16.replace("bandwidth:", "bandwith:");
          default -> a16 + "\nbandwidth: 10 GB/s\n";
        };
    last = "a16 YAML variant";
    write(dir.resolve("socs/a16.yaml"), text);
  }

  private void sources(Path dir) throws IOException {
    String read = pick(List.of("2026-13-45", "2026-02-30", "yesterday", "26-01", ""));
    last = "sources read: " + read;
    write(
        dir.resolve("sources.yaml"),
        "sources:\n  - id: fz_src\n    title: A\n    url: https://example.com\n    read: "
            + read
            + "\n");
  }

  private void junk(Path dir) throws IOException {
    byte[] bytes = new byte[1 + random.nextInt(2000)];
    random.nextBytes(bytes);
    bytes[0] = (byte) 0xFF; // never valid UTF-8, so never accidentally a valid profile
    last = "binary socs/a16.yaml";
    Files.createDirectories(dir.resolve("socs"));
    Files.write(dir.resolve("socs/a16.yaml"), bytes);
  }

  private void layout(Path dir) throws IOException {
    last = "unknown directory or file";
    if (random.nextBoolean()) {
      Files.createDirectories(dir.resolve(pick(List.of("soc", "device", "model", "calibrations"))));
    } else {
      write(dir.resolve(pick(List.of("source.yaml", "budget.yaml", "extra.yml"))), "x: 1\n");
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
