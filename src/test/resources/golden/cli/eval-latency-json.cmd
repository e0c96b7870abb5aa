# --format json prints value, unit and text
eval --format json 'latency(mobilenet_v2, a16, throttled)'
