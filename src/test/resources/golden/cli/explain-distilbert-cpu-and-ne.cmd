# explain shows which layers leave the Neural Engine and why (acceptance of the cost model)
explain 'latency(distilbert(seq = 128), iphone_13_pro_max, nominal, units = cpu_and_ne)'
