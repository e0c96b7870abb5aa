# list devices is a table, one row per device
list devices
