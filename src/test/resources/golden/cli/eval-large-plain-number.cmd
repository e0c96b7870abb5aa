# a plain number past 1000G takes an exponent alone, never a multiplier too (it was 1.66e291G); JSON keeps the full decimal
eval '1e300 * 1.66' '1e12' '2.5e9' --format text
