# an item an aggregate left out because its key is unknown, in JSON: left_out with the row, the key and the reason
eval --format json 'argmax d in devices where d.form_factor == "phone" by d.battery_wh'
