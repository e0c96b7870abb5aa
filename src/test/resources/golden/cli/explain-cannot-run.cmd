# explain says first that the model cannot run, then shows what its layers would do
explain --top 3 'latency(llama_2_13b, iphone_12, runtime = llama_cpp)'
