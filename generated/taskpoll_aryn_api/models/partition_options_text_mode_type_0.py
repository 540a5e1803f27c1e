from enum import StrEnum


class PartitionOptionsTextModeType0(StrEnum):
    AUTO = "auto"
    INLINE_FALLBACK_TO_OCR = "inline_fallback_to_ocr"
    OCR_STANDARD = "ocr_standard"
    OCR_VISION = "ocr_vision"

    def __str__(self) -> str:
        return str(self.value)
