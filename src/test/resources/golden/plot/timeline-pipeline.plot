# A pipeline's schedule: one colour per model, runs on their units
kind: timeline
expr: latency(par(mobilenet_v2, resnet50), iphone_12)
