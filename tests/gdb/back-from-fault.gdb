# From the page-fault handler of bad-read's null read back into the user
# instruction that faulted: a step back (still in the kernel), then
# reverse-to-user, then one step forward again, into the fault.
break page_fault
condition 1 $cr2 == 0
continue
reverse-stepi
print ($cs & 3) == 0
reverse-to-user
print ($cs & 3) == 3
stepi
print ($cs & 3) == 0
