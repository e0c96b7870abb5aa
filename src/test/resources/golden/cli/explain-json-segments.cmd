# explain --format json: every layer's unit and segment id, and the segments (Core ML's partition) in the summary
explain --format json 'latency(distilbert(seq = 128), iphone_12, nominal, units = cpu_and_ne)'
