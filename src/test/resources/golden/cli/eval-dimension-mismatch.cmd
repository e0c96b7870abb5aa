# comparing a time with bytes exits 2 with line:column and both dimensions
eval 'latency(mobilenet_v2, a16, throttled) < 33MB'
