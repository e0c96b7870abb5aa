# The ends of a range must share a dimension
kind: sweep
over: t in 0min..30MB
expr: latency(mobilenet_v2, iphone_12, after(t))
