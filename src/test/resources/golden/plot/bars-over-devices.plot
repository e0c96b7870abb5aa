# A set of targets gives bars, one per device, with error bars and a budget
kind: sweep
over: d in devices where d.year >= 2025 and d.form_factor == "phone"
expr: latency(mobilenet_v2, d, sustained) < 1ms
