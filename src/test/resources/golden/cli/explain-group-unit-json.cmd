# explain --group unit --format json: groups replace layers, shown says of how many
explain --format json --group unit 'latency(distilbert(seq = 128), iphone_12, nominal, units = cpu_and_ne)'
