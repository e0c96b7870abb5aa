# a check's JSON names in left_out what its 'where' filter left out because the model cannot run
eval --format json 'all m in [qwen3_0_6b, llama_2_13b] where latency(m, iphone_12, runtime = llama_cpp) < 2s: m.params > 100M'
