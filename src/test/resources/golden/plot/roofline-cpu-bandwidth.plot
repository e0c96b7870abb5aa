# A roofline on the CPU of a SoC whose profile gives cpu.bandwidth: the CPU's slope is the
# bandwidth its cores reach (an M1 Max's 243 GB/s), below the SoC's 400, and a note says so
kind: roofline
expr: latency(resnet50, m1_max, units = cpu_only)
