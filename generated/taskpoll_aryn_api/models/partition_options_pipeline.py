from enum import StrEnum


class PartitionOptionsPipeline(StrEnum):
    STANDARD = "standard"
    VISION = "vision"

    def __str__(self) -> str:
        return str(self.value)
