# A plot needs a number at each point: a quantifier gives a boolean
kind: sweep
over: t in 0min..10min step 5min
expr: all d in devices: latency(mobilenet_v2, d, after(t)) < 3ms
