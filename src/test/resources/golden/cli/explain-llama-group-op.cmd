# explain --group op of a Llama: one row per op with its layers, units and share; the fallback summary counts every reason
explain --group op 'latency(llama_3_1_8b(phase = decode, context = 2048), m1_max, units = cpu_and_ne)'
