# the same in JSON: a null value that carries no_range_80, the reason text prints
eval --format json "latency(resnet50, m4_max, runtime = llama_cpp).high"
