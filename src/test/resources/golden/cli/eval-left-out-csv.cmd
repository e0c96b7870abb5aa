# a table that left something out, as CSV: the left-out line follows as a # comment, the columns unchanged
eval --format csv 'table m in [qwen3_0_6b, llama_2_13b]: m, memory(m, iphone_12, runtime = llama_cpp), latency(m, iphone_12, runtime = llama_cpp) < 1s'
