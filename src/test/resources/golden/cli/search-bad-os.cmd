# an OS release that is not Apple's exits 2
search gelu --os 'Android 14'
