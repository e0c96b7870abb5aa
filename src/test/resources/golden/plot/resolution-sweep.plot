# A model parameter swept over a list of numbers: a numeric x axis without a unit
kind: sweep
over: r in [128, 160, 224, 320]
expr: latency(mobilenet_v2(resolution = r), iphone_12, sustained)
