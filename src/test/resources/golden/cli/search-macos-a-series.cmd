# no Mac has an A-series chip but the MacBook Neo's A18 Pro: under macOS every other A column is ✗
# and named under the grid, from the kb's device list (the one support rule)
search layer norm --os 'macOS 15' --limit 1
