# two values of one field are alternatives: SoCs and devices that match a17
search "kind:soc kind:device a17"
