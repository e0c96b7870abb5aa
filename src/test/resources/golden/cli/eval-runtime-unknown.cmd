# an unknown runtime is an error listing the accepted words
eval "latency(mobilenet_v2, a16, runtime = tflite)"
