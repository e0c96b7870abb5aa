# Two series from a list, and the right side of the comparison as the budget line
kind: sweep
over: t in 0min..20min step 10min
expr: [latency(resnet50, iphone_12, after(t)), latency(resnet50, iphone_15_pro, after(t))] < frame(60fps)
