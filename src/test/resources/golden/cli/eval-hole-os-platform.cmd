# an iMac's M1 runs macOS only, though M1 iPads run iPadOS
eval 'latency(mobilenet_v2, ?, os = "iOS 18") < 1ms' --format json
