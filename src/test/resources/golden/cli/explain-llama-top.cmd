# explain --top 5 of a Llama: the five slowest of 451 layers, slowest first, and how much of the time they hold
explain --top 5 'latency(llama_3_1_8b(phase = decode, context = 2048), m1_max, units = cpu_and_ne)'
