# explain --top 3 --format json: only the three slowest layers in layers
explain --format json --top 3 'latency(mobilenet_v2, a16)'
