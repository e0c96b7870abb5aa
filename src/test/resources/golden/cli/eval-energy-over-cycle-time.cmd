# an energy over the time of a core's cycle (1 / clock) is no power, as an energy times a clock is
# not: refused at the divisor with the time of a prediction to use instead (exit 2)
eval 'energy(resnet50, a16) / (1 / a16.cpu.p_core_clock)'
