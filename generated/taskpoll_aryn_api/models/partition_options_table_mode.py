from enum import StrEnum


class PartitionOptionsTableMode(StrEnum):
    CUSTOM = "custom"
    NONE = "none"
    STANDARD = "standard"
    VISION = "vision"

    def __str__(self) -> str:
        return str(self.value)
