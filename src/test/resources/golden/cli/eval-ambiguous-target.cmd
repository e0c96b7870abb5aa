# a name several devices fit lists them instead of guessing
eval 'latency(mobilenet_v2, "iphone")'
