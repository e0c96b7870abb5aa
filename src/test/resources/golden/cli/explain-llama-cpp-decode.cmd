# explain of a llama.cpp decode step: every layer on Metal, weights and the KV cache stream at the fitted bandwidth, the header names the runtime
explain 'latency(quantize(qwen3_0_6b(phase = decode, context = 2048), q4_k_m), macbook_air_m2, runtime = llama_cpp)'
