# two kinds alone list both, in catalog order, as one kind alone lists it
search "kind:soc kind:op"
