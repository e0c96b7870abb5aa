# acceptance: the Neural Engine column of A14 shows dilated convolution as not supported, with its note and source
search 'dilated conv' --soc a14 --limit 1
