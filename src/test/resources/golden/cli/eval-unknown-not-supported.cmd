# supported() where no source settles the op is unknown, and not keeps it unknown: the check fails (exit 1) with the support rule's reason; before, it passed
eval 'not supported(gelu, a13, ane)'
