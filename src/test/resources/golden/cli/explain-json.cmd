# explain --format json: per-layer rows and the summary with its 80% range
explain --format json 'latency(mobilenet_v3_small, a16, throttled, units = cpu_and_gpu)'
