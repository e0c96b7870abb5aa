# a latency prints as a time with its unit
eval 'latency(mobilenet_v2, a16, throttled)'
