# All series share one y axis, so one dimension
kind: sweep
over: t in 0min..10min step 5min
expr: [latency(mobilenet_v2, iphone_12, after(t)), memory(mobilenet_v2, iphone_12)]
