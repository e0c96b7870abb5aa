# The per-layer schedule of one model: segments per unit, switches as gaps
kind: timeline
expr: latency(mobilenet_v2, iphone_12, units = cpu_and_gpu)
