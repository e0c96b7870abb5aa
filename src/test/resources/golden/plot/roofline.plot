# Every layer at its arithmetic intensity, against the roof of its unit
kind: roofline
expr: latency(mobilenet_v2, iphone_12)
