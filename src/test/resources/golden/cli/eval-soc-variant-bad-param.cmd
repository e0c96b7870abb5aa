# a SoC parameter that does not exist lists the parameters and their values
eval 'm3_max(gpu = 30).bandwidth'
