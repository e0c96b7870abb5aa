# a unit conversion keeps an estimate's 80% range (its ends at three digits), and so does arithmetic with an exact quantity
eval 'latency(resnet50, a16) in s; latency(resnet50, a16) in ms < 1.5ms; energy(resnet50, iphone_15) in J; latency(resnet50, a16) * 2'
