# cycles per prediction in JSON: a plain number (unit "") with the estimate's range_80 scaled by the clock
eval --format json 'latency(mobilenet_v2, a17_pro) * a17_pro.cpu.p_core_clock'
