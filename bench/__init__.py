"""Benchmarks run by hand, outside the test suite; their figures are kept in bench/README.md."""
