# 'step' at the end of a range with nothing after it says the step is missing
kind: sweep
over: t in 0min..30min step
expr: latency(mobilenet_v2, iphone_12, after(t))
