# the same in JSON: no range_80, and no_range_80 says why (the runtime, its unit setting, the
# model's kind and the models the runtime's measurements are of) with the line text prints
eval --format json "latency(resnet50, m4_max, runtime = llama_cpp) * 2"
