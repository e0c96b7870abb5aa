# a boolean cell whose answer is unknown reads unknown in text, as an unknown number does; before, it was false
eval 'table d in [iphone_17e, iphone_16e]: d, d.battery_wh > 10 Wh'
