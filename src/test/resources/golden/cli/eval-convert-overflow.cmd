# a value finite in base units but infinite once written in a smaller unit is an error, never ∞
eval '1e308 ms in us'
