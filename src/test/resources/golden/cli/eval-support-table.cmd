# support(op) is a table of units with numbered notes and sources; quoted names go through search
eval 'support("dilated conv")'
