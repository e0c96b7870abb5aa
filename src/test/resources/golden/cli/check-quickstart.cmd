# devq check prints a PASS line per check with both sides and the margin
check queries/quickstart.devq
