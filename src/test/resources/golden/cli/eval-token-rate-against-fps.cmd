# a token rate compared with a frame rate is a type error (exit 2) whether or not the model can run, and through a let
eval "let r = decode_rate(llama_2_13b, iphone_12, runtime = llama_cpp)" "r.low > 20 fps"
