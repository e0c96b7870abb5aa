# --over needs 'VAR in RANGE'
kind: sweep
over: t 0min..30min
expr: latency(mobilenet_v2, iphone_12, after(t))
