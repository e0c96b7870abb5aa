# --format with nothing after it names the missing value and the formats to choose from
eval --format
