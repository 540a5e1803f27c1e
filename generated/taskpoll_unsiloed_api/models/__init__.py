"""Contains all the data models used in inputs/outputs"""

from .bounding_box import BoundingBox
from .chunk import Chunk
from .job_status import JobStatus
from .ocr_result import OCRResult
from .parse_create_request import ParseCreateRequest
from .parse_create_response import ParseCreateResponse
from .parse_get_response import ParseGetResponse
from .parse_get_response_configuration_type_0 import ParseGetResponseConfigurationType0
from .parse_get_response_metadata import ParseGetResponseMetadata
from .segment import Segment
from .segment_type import SegmentType
from .text_color import TextColor

__all__ = (
    "BoundingBox",
    "Chunk",
    "JobStatus",
    "OCRResult",
    "ParseCreateRequest",
    "ParseCreateResponse",
    "ParseGetResponse",
    "ParseGetResponseConfigurationType0",
    "ParseGetResponseMetadata",
    "Segment",
    "SegmentType",
    "TextColor",
)
