# --os marks support that arrives with a later OS as not supported
search dequantize --os 'iOS 16' --soc iphone_14_pro --limit 1
