# A range of whole numbers without a step keeps its points whole
kind: sweep
over: r in 128..160
expr: memory(mobilenet_v2(resolution = r), iphone_12) in MB
