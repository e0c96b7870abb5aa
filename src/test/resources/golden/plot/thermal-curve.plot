# A thermal curve: one latency series with its 80% band over 30 minutes; x in min, y in µs
kind: sweep
over: t in 0min..30min step 5min
expr: latency(mobilenet_v2, iphone_12, after(t))
