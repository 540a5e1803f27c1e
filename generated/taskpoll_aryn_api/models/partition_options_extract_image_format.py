from enum import StrEnum


class PartitionOptionsExtractImageFormat(StrEnum):
    JPEG = "jpeg"
    PNG = "png"
    PPM = "ppm"

    def __str__(self) -> str:
        return str(self.value)
