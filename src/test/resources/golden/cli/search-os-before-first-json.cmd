# the same in JSON: first_os maps each such chip to the first release its devices shipped with
search --os 'iOS 16' gelu --soc a19 --format json
