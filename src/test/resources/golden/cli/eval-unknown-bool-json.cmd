# a boolean cell whose answer is unknown is null in JSON, as an unknown number is; before, it was false
eval --format json 'table d in [iphone_17e, iphone_16e]: d, d.battery_wh > 10 Wh'
