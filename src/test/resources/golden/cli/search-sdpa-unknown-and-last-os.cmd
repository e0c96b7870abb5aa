# one grid, one rule (SupportRule): an op whose Neural Engine support is unknown from iOS 18 shows ? on
# every chip that runs iOS 18, ✓ where a source says yes, and ✗ only where the rule says no: the A11,
# whose last release is iOS 16, named under the grid
search sdpa --os 'iOS 18' --limit 1
