total = 1 + 1
assert total == 3, "arithmetic is broken"
