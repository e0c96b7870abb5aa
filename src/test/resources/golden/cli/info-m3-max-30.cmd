# info of a binned part: its own fields, the part marked among the variants
info 'm3_max(gpu_cores = 30)'
