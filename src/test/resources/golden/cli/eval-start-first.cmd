# eval and explain agree on a first launch: explain total = the latency eval prints
eval "latency(mobilenet_v2, a16, start = first)"
