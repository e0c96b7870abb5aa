# Every layer at its arithmetic intensity, against the roof of its unit; resnet50 streams its
# weights from DRAM (they exceed the cache), so its layers have a DRAM intensity
kind: roofline
expr: latency(resnet50, iphone_12)
