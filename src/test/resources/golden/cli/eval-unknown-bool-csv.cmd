# a boolean cell whose answer is unknown is an empty CSV field, as an unknown number is; before, it was false
eval --format csv 'table d in [iphone_17e, iphone_16e]: d, d.battery_wh > 10 Wh'
