# a SoC member times a time converts to MB
eval 'a16.bandwidth * 10ms in MB'
