# acceptance: a quoted marketing name resolves the device through the index
eval 'latency(mobilenet_v2, "iPhone 15 Pro", nominal)'
