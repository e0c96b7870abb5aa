# explain of an ExecuTorch model: XNNPACK computes every layer on the CPU, int8 at its fitted int8 rate
explain 'latency(quantize(all_minilm_l6_v2(seq = 80), w8a8), iphone_17_pro, units = cpu_only, runtime = executorch)'
