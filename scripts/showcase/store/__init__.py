"""The build cache: what a build keeps between runs, under keys made of its inputs.

The lowest layer: it imports nothing of the package, and every layer may use it.
"""
