# explain --format csv: one row per layer, one unit per column
explain --format csv 'latency(mobilenet_v2, a16)'
