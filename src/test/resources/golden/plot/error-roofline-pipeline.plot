# A roofline shows one model
kind: roofline
expr: latency(seq(mobilenet_v2, resnet50), iphone_12)
