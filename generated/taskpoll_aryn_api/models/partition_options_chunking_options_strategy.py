from enum import StrEnum


class PartitionOptionsChunkingOptionsStrategy(StrEnum):
    CONTEXT_RICH = "context_rich"
    MAXIMIZE_WITHIN_LIMIT = "maximize_within_limit"
    MIXED_MULTI_COLUMN = "mixed_multi_column"

    def __str__(self) -> str:
        return str(self.value)
