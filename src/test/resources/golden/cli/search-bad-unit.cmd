# an unknown compute unit exits 2
search gelu --unit tpu
