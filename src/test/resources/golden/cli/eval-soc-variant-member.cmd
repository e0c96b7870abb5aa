# a binned SoC part is a call; its members are its own (300 GB/s, not the full part's 400)
eval 'm3_max(gpu_cores = 30).bandwidth'
