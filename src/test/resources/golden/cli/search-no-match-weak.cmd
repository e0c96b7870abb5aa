# a query whose distinctive word names no op: said so, with the nearest weak matches, never a grid
search torch.nn.functional.frobnicate
