# a check on an estimate outside its runtime's measurements passes or fails at the estimate alone
# and says under it that there is no range: a decoder LLM under ExecuTorch, whose rows are all of
# one-pass models; a passing all names no item, yet says it too
eval "latency(qwen3_0_6b, iphone_15_pro, runtime = executorch) < 1 s" "all d in [m1, m4_max]: latency(resnet50, d, runtime = llama_cpp) < 50 ms"
