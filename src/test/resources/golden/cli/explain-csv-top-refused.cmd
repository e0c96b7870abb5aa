# csv and markdown are the whole per-layer table: --top/--group are refused there, exit 2
explain --format csv --top 3 'latency(mobilenet_v2, a16)'
