/**
 * {@code devq import}: reads an ONNX model (protobuf, parsed with protobuf-java and a schema
 * compiled from {@code src/main/proto}) and writes a model description in the profiles format. Its
 * own shape inference and constant folding run over the graph; each ONNX node becomes a layer named
 * after it, mapped to the catalog through the ops' ONNX aliases.
 *
 * <p>May import {@code lang}, {@code kb} and {@code model}; it is the only package that imports
 * protobuf or the generated {@code dev.devq.onnx.proto}. It never prints.
 */
package dev.devq.onnx;
