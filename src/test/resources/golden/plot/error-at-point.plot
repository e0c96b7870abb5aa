# An error that depends on the point names the point
kind: sweep
over: r in [224, 0]
expr: latency(mobilenet_v2(resolution = r), iphone_12)
