# the passing all as JSON: its cases carry no_range_80, as the text's line under it
eval --format json "all d in [m1, m4_max]: latency(resnet50, d, runtime = llama_cpp) < 50 ms"
