# a rate too close to 0 for a double (its frame time would be ∞) is refused where it is written
eval "frame(1e-320 fps)"
