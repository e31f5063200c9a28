"""Python imports this at start-up in every process a snippet's environment starts.

The child environment puts this folder on ``PYTHONPATH``. A forked worker inherits
the network guard with the snippet's memory; a new interpreter (multiprocessing's
"spawn", ``subprocess``, torch.multiprocessing) does not, so it installs the guard
here, before any code of its own runs.
"""

from harness.child import network

network.install()
