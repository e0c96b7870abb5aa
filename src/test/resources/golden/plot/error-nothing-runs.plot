# When no point can run there is nothing to plot: an error at the os argument that asked for the release
kind: sweep
over: d in [iphone_17, mac_mini_m1]
expr: latency(mobilenet_v2, d, os = "iOS 18")
