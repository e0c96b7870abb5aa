# explain of a pipeline shows the schedule: two Neural Engine models queue, CPU layers overlap
explain 'latency(par(distilbert(seq = 128), mobilenet_v2), iphone_15_pro)'
