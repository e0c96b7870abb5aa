# eval refuses --format junit (a check report format) with exit 2
eval --format junit 'latency(mobilenet_v2, a16)'
