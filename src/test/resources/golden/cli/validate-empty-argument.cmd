# an empty FILE.csv is refused as an empty argument, not as "cannot read : it is a directory"
validate ""
