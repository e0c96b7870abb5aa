# no unit runs anything under an OS newer than the chip's last one (A11 stops at iOS 16)
search sdpa --os 'iOS 18' --soc a11 --limit 1
