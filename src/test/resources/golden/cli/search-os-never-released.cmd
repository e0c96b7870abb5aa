# an OS release that never shipped exits 2 and names the release after the gap
search gelu --os 'iOS 22'
