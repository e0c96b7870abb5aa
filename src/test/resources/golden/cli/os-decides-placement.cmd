# an error the release decides (an op reaches the allowed units only in a later one) points at the os argument:
# a fused attention layer written out (explicit) has no shapes for the converter's lowering, so it stays and no unit runs it before macOS 15
--profiles src/test/resources/models-extra eval 'latency(written_out_sdpa, m3, units = cpu_and_gpu, os = "macOS 14")'
