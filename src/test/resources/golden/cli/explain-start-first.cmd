# explain of a first launch: the total includes the load and compile
explain "latency(mobilenet_v2, a16, start = first)"
