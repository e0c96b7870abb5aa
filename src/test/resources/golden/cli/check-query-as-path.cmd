# a query where a file was expected: the usual error, and where to run a query instead
check 'forall d in devices: latency(resnet50, d) < 30ms'
