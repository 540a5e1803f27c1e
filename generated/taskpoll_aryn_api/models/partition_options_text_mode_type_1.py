from enum import StrEnum


class PartitionOptionsTextModeType1(StrEnum):
    FINE_GRAINED = "fine_grained"
    INLINE = "inline"
    STANDARD_OCR = "standard_ocr"
    VISION_OCR = "vision_ocr"

    def __str__(self) -> str:
        return str(self.value)
