package dev.devq.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.InputStreamDataInput;
import org.apache.lucene.store.OutputStreamDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;

/**
 * The words ML engineers use for the same operator. Each line of {@link #GROUPS} is a group of
 * equivalent phrases; a query for any one finds ops indexed under the others.
 *
 * <p>The build writes the compiled map beside this class ({@link #RESOURCE}, by {@link #prebuilt}):
 * compiling its automaton is some 50 ms of cold code on the way of a one-shot search, reading it
 * back a few. A resource made from other groups than these is not used.
 */
public final class Synonyms {
  /** The compiled map's resource, beside this class. */
  public static final String RESOURCE = "synonyms.fst";

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
    static final SynonymMap MAP = shippedOrBuilt();
  }

  private static SynonymMap shippedOrBuilt() {
    try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
      SynonymMap shipped = in == null ? null : read(in);
      if (shipped != null) {
        return shipped;
      }
    } catch (IOException | RuntimeException unreadable) {
      // built below, as without the resource
    }
    return build();
  }

  /** The compiled map as the build ships it: {@link #GROUPS}' fingerprint, its words, its FST. */
  public static byte[] prebuilt() throws IOException {
    SynonymMap map = build();
    var bytes = new ByteArrayOutputStream();
    var out = new OutputStreamDataOutput(bytes);
    out.writeInt(fingerprint());
    out.writeVInt(map.maxHorizontalContext);
    out.writeVInt(map.words.size());
    var word = new BytesRef();
    for (int ord = 0; ord < map.words.size(); ord++) {
      map.words.get(ord, word);
      out.writeVInt(word.length);
      out.writeBytes(word.bytes, word.offset, word.length);
    }
    map.fst.save(out, out);
    return bytes.toByteArray();
  }

  /** The map {@link #prebuilt} wrote, or null when it was made from other groups. */
  static SynonymMap read(InputStream stream) throws IOException {
    var in = new InputStreamDataInput(stream);
    if (in.readInt() != fingerprint()) {
      return null;
    }
    int context = in.readVInt();
    int count = in.readVInt();
    var words = new BytesRefHash();
    for (int ord = 0; ord < count; ord++) {
      byte[] word = new byte[in.readVInt()];
      in.readBytes(word, 0, word.length);
      // the FST's outputs name words by the order they were added: they must come back the same
      if (words.add(new BytesRef(word)) != ord) {
        return null;
      }
    }
    var fst = new FST<>(FST.readMetadata(in, ByteSequenceOutputs.getSingleton()), in);
    return new SynonymMap(fst, words, context);
  }

  /** Tells a resource made from these groups from one made from others (format 1). */
  private static int fingerprint() {
    return 31 * Arrays.deepHashCode(GROUPS) + 1;
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
