# a where filter whose answer is unknown for an item (no battery capacity; support no source settles) leaves the item out and says so under the value; before, it was dropped unsaid
eval '[d in devices where d.year >= 2025 and d.form_factor == "phone" and d.battery_wh > 10 Wh]' 'argmax s in socs where s.year <= 2020 and supported(gelu, s, ane) by s.year'
