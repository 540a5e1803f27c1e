from enum import StrEnum


class PartitionOptionsImageExtractionOptionsExtractImageFormat(StrEnum):
    JPEG = "jpeg"
    PNG = "png"
    PPM = "ppm"

    def __str__(self) -> str:
        return str(self.value)
