# an unknown model exits 2 and suggests the closest
eval 'latency(mobilenet_v3, a16, throttled)'
