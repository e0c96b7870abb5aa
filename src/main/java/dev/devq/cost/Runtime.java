package dev.devq.cost;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inference runtime a prediction is for: Core ML, llama.cpp (ggml, on Metal or the CPU) or
 * ExecuTorch (its XNNPACK CPU backend). Each runtime has its own placement rule and fitted
 * efficiencies ({@link RuntimeConstants}).
 */
public enum Runtime {
  COREML,
  LLAMA_CPP,
  EXECUTORCH;

  private static final Map<String, Runtime> ALIASES =
      Map.of(
          "llama.cpp", LLAMA_CPP,
          "ggml", LLAMA_CPP,
          "whisper.cpp", LLAMA_CPP,
          "xnnpack", EXECUTORCH,
          "core_ml", COREML);

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The runtime as its project writes its name ({@code llama.cpp}), for prose. */
  public String title() {
    return switch (this) {
      case COREML -> "Core ML";
      case LLAMA_CPP -> "llama.cpp";
      case EXECUTORCH -> "ExecuTorch";
    };
  }

  /** The canonical words and then the aliases, for completion and messages. */
  public static List<String> words() {
    return List.of(
        "coreml",
        "llama_cpp",
        "executorch",
        "llama.cpp",
        "ggml",
        "whisper.cpp",
        "ExecuTorch",
        "xnnpack",
        "core_ml");
  }

  /** The runtime a word names, case-insensitively, or null. */
  public static Runtime parse(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (Runtime r : values()) {
      if (r.key().equals(w)) {
        return r;
      }
    }
    return ALIASES.get(w);
  }
}
