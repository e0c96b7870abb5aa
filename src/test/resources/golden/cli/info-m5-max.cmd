# the M5 Max: a new SoC with the GPU neural accelerators as a matrix throughput
info m5_max
