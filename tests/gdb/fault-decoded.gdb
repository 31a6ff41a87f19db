# Stop on bad-read's null read and see it decoded.
break-page-faults
condition $bpnum $cr2 == 0
continue
