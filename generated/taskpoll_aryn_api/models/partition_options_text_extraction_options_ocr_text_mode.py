from enum import StrEnum


class PartitionOptionsTextExtractionOptionsOCRTextMode(StrEnum):
    STANDARD = "standard"
    VISION = "vision"

    def __str__(self) -> str:
        return str(self.value)
