# the time of a cycle is a time: shown in a time unit, compared with a plain time; a latency over it
# is the cycles of a prediction, as a latency times the clock
eval '1 / a16.cpu.p_core_clock in ns' '1 / a16.cpu.p_core_clock < 1 ns' 'latency(mobilenet_v2, a16) / (1 / a16.cpu.p_core_clock)'
