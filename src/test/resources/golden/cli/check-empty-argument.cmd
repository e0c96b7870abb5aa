# an empty PATH (a script's unset variable) is refused: it named the current folder, and check ran
# every file under it
check ""
