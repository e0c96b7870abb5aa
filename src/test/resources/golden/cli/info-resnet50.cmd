# devq info on a CNN: counts, weight size, peak activations, op histogram, reference and sources
info resnet50
