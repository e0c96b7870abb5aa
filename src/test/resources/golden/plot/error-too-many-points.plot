# A step far too small for the range: the count of points is said as it is, not capped at 10^15
kind: sweep
over: t in 0min..30min step 1e-300min
expr: latency(mobilenet_v2, iphone_12, after(t))
