# a query naming a device lists devices, not ops
search 'iphone 15'
