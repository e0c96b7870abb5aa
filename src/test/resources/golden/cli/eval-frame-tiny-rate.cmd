# a rate of almost zero gives an infinite frame time: an error, not ∞
eval "frame(1e-320 fps)"
