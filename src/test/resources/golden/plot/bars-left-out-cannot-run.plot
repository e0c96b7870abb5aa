# A target that never runs the release asked for is left out of the bars, and the chart says so
kind: sweep
over: d in [iphone_16e, iphone_17, mac_mini_m1, iphone_x]
expr: memory(mobilenet_v2, d, os = "iOS 18")
