# An unknown unit in the range is an error at the unit, with a suggestion
kind: sweep
over: t in 0min..30mins
expr: latency(mobilenet_v2, iphone_12, after(t))
