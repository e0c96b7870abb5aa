# a model parameter so large that a layer size overflows is a positioned error, not an internal one
eval "latency(mobilenet_v2(resolution = 1e9), a16)"
