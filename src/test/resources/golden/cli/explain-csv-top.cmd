# explain --format csv --top 3: the three slowest layers, slowest first, as csv does every layer
explain --format csv --top 3 'latency(mobilenet_v2, a16)'
