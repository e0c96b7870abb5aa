package dev.devq.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The words ML engineers use for the same operator. Each line of {@link #GROUPS} is a group of
 * equivalent phrases; a query for any one finds ops indexed under the others.
 */
final class Synonyms {
  static final String[][] GROUPS = {
    {"sdpa", "scaled dot product attention"},
    {"mha", "multi head attention"},
    {"swish", "silu"},
    {"fc", "linear", "dense", "fully connected", "gemm"},
    {"deconv", "deconvolution", "transposed convolution", "conv transpose"},
    {"conv", "convolution"},
    {"layernorm", "layer norm", "layer normalization"},
    {"batchnorm", "batch norm", "batch normalization", "bn"},
    {"groupnorm", "group norm", "group normalization"},
    {"instancenorm", "instance norm", "instance normalization"},
    {"rmsnorm", "rms norm", "rms normalization"},
    {"norm", "normalization"},
    {"dwconv", "depthwise", "depth wise"},
    {"atrous", "dilated"},
    {"upsample", "upsampling", "interpolate"},
    {"pool", "pooling"},
    {"avg", "average", "mean"},
    {"gap", "global average pooling"},
    {"relu", "rectified linear unit"},
    {"gelu", "gaussian error linear unit"},
    {"embedding", "lookup table"},
    {"matmul", "matrix multiply", "mm", "bmm"},
    {"concat", "concatenate", "cat"},
    {"lstm", "long short term memory"},
    {"gru", "gated recurrent unit"},
    {"nms", "non max suppression"},
    {"argsort", "sort"},
    {"kv cache", "state", "stateful"},
    {"ane", "neural engine", "npu"},
  };

  private Synonyms() {}

  /** The synonym map, built on first use: only searches and loose name resolution need it. */
  static SynonymMap map() {
    return Holder.MAP;
  }

  /** Lazy, thread-safe initialization by the JVM's class loading. */
  private static final class Holder {
    static final SynonymMap MAP = build();
  }

  static SynonymMap build() {
    try (Analyzer words = new WhitespaceAnalyzer()) {
      var builder = new SynonymMap.Builder(true);
      for (String[] group : GROUPS) {
        for (String a : group) {
          for (String b : group) {
            if (!a.equals(b)) {
              builder.add(phrase(words, a), phrase(words, b), true);
            }
          }
        }
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CharsRef phrase(Analyzer words, String text) throws IOException {
    return SynonymMap.Builder.join(text.split(" "), new CharsRefBuilder());
  }
}
