# Three dots between a range's ends: 0min...30min read as 0min .. .30min swept to 18 s, silently
kind: sweep
over: t in 0min...30min
expr: latency(mobilenet_v2, iphone_12, after(t))
