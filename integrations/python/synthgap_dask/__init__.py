"""Runs `synthgap score` over Dask: files on a cluster (`score_files`), a dask.bag (`score_bag`) or a dask.dataframe (`score_dataframe`)."""
from .dask_collections import read_lines, score_bag, score_dataframe
from .files import Summary, read_parts, score_files
from .process import ScoreProcess
from .partitions import Partition, expand_inputs, plan_partitions
from .runner import ScoreError, score_lines, synthgap_command

__all__ = ["Partition", "ScoreError", "ScoreProcess", "Summary", "expand_inputs", "plan_partitions", "read_lines", "read_parts",
           "score_bag", "score_dataframe", "score_files", "score_lines", "synthgap_command"]
