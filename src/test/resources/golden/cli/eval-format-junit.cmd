# eval refuses --format junit (a check report format) with exit 2, listing only the formats eval prints
eval --format junit 'latency(mobilenet_v2, a16)'
