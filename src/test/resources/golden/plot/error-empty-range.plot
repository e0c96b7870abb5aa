# A range whose end is below its start is empty
kind: sweep
over: t in 30min..0min
expr: latency(mobilenet_v2, iphone_12, after(t))
