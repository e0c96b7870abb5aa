# explain --group block --top 3: the three slowest blocks of MobileNetV3
explain --group block --top 3 'latency(mobilenet_v3_small, a16, throttled, units = cpu_and_gpu)'
