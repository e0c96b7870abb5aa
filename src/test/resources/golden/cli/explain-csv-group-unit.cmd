# explain --format csv --group unit: one row per compute unit, largest first, share in % as its header says
explain --format csv --group unit 'latency(deeplabv3_mobilenet_v3, iphone_xs, nominal, units = cpu_and_ne, os = "iOS 14")'
