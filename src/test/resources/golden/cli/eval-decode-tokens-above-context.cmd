# a decode step with more new tokens than its context (the window, new tokens included) is refused at the tokens argument
eval "latency(llama_3_1_8b(phase = decode, context = 1024, tokens = 4096), iphone_15_pro)"
