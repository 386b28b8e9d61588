"""Benchmarks for the pipeline: synthetic corpora (`bench.corpus`) to time `python -m geo build` at scale."""
