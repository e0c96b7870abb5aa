# a device answers from the OS it shipped with: the iPhone 14 came with iOS 16, though the A15 it shares with the iPhone 13 ran iOS 15
eval 'latency(mobilenet_v2, iphone_14, os = "iOS 15")'
