# a memory check that fails reports the margin and what the memory is made of
eval 'memory(llama_3_1_8b, iphone_15_pro) < iphone_15_pro.app_memory_limit'
