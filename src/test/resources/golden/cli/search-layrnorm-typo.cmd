# a typo of a glued name still puts layer_norm first
search layrnorm --limit 1 --unit ane
