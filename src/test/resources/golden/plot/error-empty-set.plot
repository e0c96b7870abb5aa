# A set with nothing in it
kind: sweep
over: d in devices where d.year > 2099
expr: latency(mobilenet_v2, d)
