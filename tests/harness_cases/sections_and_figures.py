# --8<-- [start:define]
def report(value):
    print("value is", value)


print("defined")
# --8<-- [end:define]

# --8<-- [start:use]
import matplotlib.pyplot as plt

report(42)
plt.plot([0, 1], [1, 0])
plt.show()
# --8<-- [end:use]
