# devq info on a decoder LLM: about 8.0 billion parameters, the KV cache and the decode settings
info llama_3_1_8b
