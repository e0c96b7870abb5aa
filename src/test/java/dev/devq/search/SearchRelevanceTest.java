package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Relevance of operator search: the spelling of every ecosystem (PyTorch, ONNX, Core ML MIL,
 * TFLite), common words, short forms and typos must put the intended op first.
 */
class SearchRelevanceTest {
  private static List<Hit> search(String query) {
    return DevqAssertions.engine().index().search(query, List.of("op"), 5);
  }

  @ParameterizedTest(name = "{0}: {1}  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      pytorch | torch.nn.LayerNorm                               | layer_norm
      width   | ｌａｙｅｒ ｎｏｒｍ                                | layer_norm
      width   | ｔｏｒｃｈ．ｎｎ．ＧＥＬＵ                            | gelu
      width   | Ｃｏｎｖ２ｄ                                          | conv2d
      pytorch | torch.nn.GELU                                    | gelu
      pytorch | torch.nn.functional.scaled_dot_product_attention | scaled_dot_product_attention
      pytorch | torch.nn.Conv2d                                  | conv2d
      pytorch | nn.Conv2d                                        | conv2d
      pytorch | F.interpolate                                    | upsample
      pytorch | nn.MultiheadAttention                            | attention
      pytorch | torch.nn.BatchNorm2d                             | batch_norm
      pytorch | torch.bmm                                        | batch_matmul
      pytorch | torch.cat                                        | concat
      pytorch | torch.nn.SiLU                                    | silu
      pytorch | nn.Hardswish                                     | hardswish
      pytorch | torch.nn.ConvTranspose2d                         | conv_transpose2d
      pytorch | torch.nn.Embedding                               | embedding
      pytorch | nn.Linear                                        | linear
      pytorch | F.softmax                                        | softmax
      pytorch | torch.nn.RMSNorm                                 | rms_norm
      pytorch | F.layer_norm                                     | layer_norm
      pytorch | torch.matmul                                     | matmul
      pytorch | nn.Upsample                                      | upsample
      pytorch | nn.AdaptiveAvgPool2d                             | adaptive_avg_pool2d
      pytorch | nn.Dropout                                       | dropout
      pytorch | torch.nn.functional.gelu                         | gelu
      onnx    | LayerNormalization                               | layer_norm
      onnx    | Gemm                                             | linear
      onnx    | MatMul                                           | matmul
      onnx    | Conv                                             | conv2d
      onnx    | ConvTranspose                                    | conv_transpose2d
      onnx    | BatchNormalization                               | batch_norm
      onnx    | GlobalAveragePool                                | global_avg_pool
      onnx    | Gather                                           | gather
      onnx    | GatherElements                                   | gather_along_axis
      onnx    | DepthToSpace                                     | pixel_shuffle
      onnx    | ReduceMean                                       | reduce_mean
      onnx    | Sigmoid                                          | sigmoid
      onnx    | HardSwish                                        | hardswish
      onnx    | Unsqueeze                                        | unsqueeze
      onnx    | Transpose                                        | transpose
      onnx    | Concat                                           | concat
      onnx    | InstanceNormalization                            | instance_norm
      onnx    | NonMaxSuppression                                | nms
      onnx    | Erf                                              | erf
      onnx    | MaxPool                                          | max_pool2d
      onnx    | Einsum                                           | einsum
      coreml  | layer_norm                                       | layer_norm
      coreml  | conv                                             | conv2d
      coreml  | conv_transpose                                   | conv_transpose2d
      coreml  | scaled_dot_product_attention                     | scaled_dot_product_attention
      coreml  | linear                                           | linear
      coreml  | gelu                                             | gelu
      coreml  | silu                                             | silu
      coreml  | expand_dims                                      | unsqueeze
      coreml  | slice_by_index                                   | slice
      coreml  | band_part                                        | band_part
      coreml  | constexpr_lut_to_dense                           | constexpr_lut_to_dense
      coreml  | upsample_nearest_neighbor                        | upsample
      coreml  | resize_bilinear                                  | resize_bilinear
      coreml  | real_div                                         | div
      coreml  | l2_norm                                          | l2_norm
      coreml  | crop_resize                                      | roi_align
      coreml  | non_maximum_suppression                          | nms
      coreml  | gather_along_axis                                | gather_along_axis
      tflite  | FULLY_CONNECTED                                  | linear
      tflite  | CONV_2D                                          | conv2d
      tflite  | DEPTHWISE_CONV_2D                                | depthwise_conv2d
      tflite  | TRANSPOSE_CONV                                   | conv_transpose2d
      tflite  | AVERAGE_POOL_2D                                  | avg_pool2d
      tflite  | MAX_POOL_2D                                      | max_pool2d
      tflite  | HARD_SWISH                                       | hardswish
      tflite  | LOGISTIC                                         | sigmoid
      tflite  | CONCATENATION                                    | concat
      tflite  | RESIZE_BILINEAR                                  | resize_bilinear
      tflite  | RESIZE_NEAREST_NEIGHBOR                          | resize_nearest
      tflite  | BATCH_MATMUL                                     | batch_matmul
      tflite  | STRIDED_SLICE                                    | slice
      tflite  | EMBEDDING_LOOKUP                                 | embedding
      tflite  | L2_NORMALIZATION                                 | l2_norm
      tflite  | UNIDIRECTIONAL_SEQUENCE_LSTM                     | lstm
      tflite  | MEAN                                             | reduce_mean
      tflite  | PACK                                             | stack
      tflite  | GATHER_ND                                        | gather_nd
      tflite  | SPACE_TO_DEPTH                                   | pixel_unshuffle
      tflite  | LEAKY_RELU                                       | leaky_relu
      tflite  | MIRROR_PAD                                       | pad
      common  | layer norm                                       | layer_norm
      common  | layer normalization                              | layer_norm
      common  | scaled dot product attention                     | scaled_dot_product_attention
      common  | multi head attention                             | attention
      common  | self attention                                   | attention
      common  | fully connected                                  | linear
      common  | dense layer                                      | linear
      common  | dilated conv                                     | dilated_conv2d
      common  | dilated convolution                              | dilated_conv2d
      common  | atrous convolution                               | dilated_conv2d
      common  | depthwise conv                                   | depthwise_conv2d
      common  | depthwise separable convolution                  | depthwise_conv2d
      common  | transposed convolution                           | conv_transpose2d
      common  | deconv                                           | conv_transpose2d
      common  | 1x1 conv                                         | pointwise_conv2d
      common  | pointwise convolution                            | pointwise_conv2d
      common  | swish                                            | silu
      common  | hard swish                                       | hardswish
      common  | leaky relu                                       | leaky_relu
      common  | max pooling                                      | max_pool2d
      common  | average pooling                                  | avg_pool2d
      common  | global average pooling                           | global_avg_pool
      common  | bilinear resize                                  | resize_bilinear
      common  | matrix multiply                                  | matmul
      common  | matrix multiplication                            | matmul
      common  | batched matmul                                   | batch_matmul
      common  | non max suppression                              | nms
      common  | top k                                            | topk
      common  | depth to space                                   | pixel_shuffle
      common  | cumulative sum                                   | cumsum
      common  | group norm                                       | group_norm
      common  | rms norm                                         | rms_norm
      common  | l2 normalize                                     | l2_norm
      common  | broadcast                                        | expand
      common  | clamp                                            | clip
      common  | flip                                             | reverse
      common  | arange                                           | range
      common  | concatenate                                      | concat
      common  | gaussian error linear unit                       | gelu
      common  | fc                                               | linear
      common  | mha                                              | attention
      common  | sdpa                                             | scaled_dot_product_attention
      common  | palettization                                    | constexpr_lut_to_dense
      common  | lrn                                              | local_response_norm
      common  | bn                                               | batch_norm
      common  | ln                                               | layer_norm
      common  | gap                                              | global_avg_pool
      common  | relu6                                            | relu6
      common  | relu 6                                           | relu6
      common  | kv cache read                                    | read_state
      common  | embedding lookup                                 | embedding
      common  | if else                                          | cond
      common  | while                                            | while_loop
      common  | one hot                                          | one_hot
      common  | upsample                                         | upsample
      common  | interpolate                                      | upsample
      typo    | layrnorm                                         | layer_norm
      typo    | layer nrom                                       | layer_norm
      typo    | gleu                                             | gelu
      typo    | softmx                                           | softmax
      typo    | sigmod                                           | sigmoid
      typo    | depthwsie conv                                   | depthwise_conv2d
      typo    | transpsoe                                        | transpose
      typo    | attenton                                         | attention
      typo    | embeding                                         | embedding
      typo    | batchnrom                                        | batch_norm
      typo    | maxpool                                          | max_pool2d
      typo    | upsampel                                         | upsample
      typo    | scaled dot prodcut attention                     | scaled_dot_product_attention
      typo    | groupnrom                                        | group_norm
      typo    | instnace norm                                    | instance_norm
      typo    | hardswich                                        | hardswish
      typo    | leakyrelu                                        | leaky_relu
      typo    | pixelshuffle                                     | pixel_shuffle
      typo    | torch.nn.LayerNrom                               | layer_norm
      common  | convolution                                      | conv2d
      """)
  void putsTheIntendedOpFirst(String ecosystem, String query, String expected) {
    List<Hit> hits = search(query);
    assertFalse(hits.isEmpty(), "no hits for " + query);
    assertEquals(
        expected, hits.get(0).id(), ecosystem + " spelling '" + query + "' ranked " + hits);
    assertNotEquals(
        Hit.Strength.WEAK, hits.get(0).strength(), query + " found " + expected + " only weakly");
  }

  /** Queries that fit several ops equally well: the intended ones must all be near the top. */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      bilinear upsampling | resize_bilinear upsample
      normalization       | layer_norm batch_norm group_norm instance_norm rms_norm
      kv cache            | read_state write_state slice_update
      norm                | layer_norm batch_norm group_norm
      conv                | conv2d conv1d
      """)
  void ranksEveryFittingOpHigh(String query, String expected) {
    List<String> ids =
        DevqAssertions.engine().index().search(query, List.of("op"), 10).stream()
            .map(Hit::id)
            .toList();
    for (String id : expected.split(" ")) {
      assertTrue(
          ids.indexOf(id) >= 0 && ids.indexOf(id) < 8,
          id + " not among the first 8 for " + query + ": " + ids);
    }
  }
}
