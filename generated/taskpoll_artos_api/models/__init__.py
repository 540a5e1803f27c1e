"""Contains all the data models used in inputs/outputs"""

from .error_response import ErrorResponse
from .error_response_detail_type_2 import ErrorResponseDetailType2
from .error_response_details import ErrorResponseDetails
from .generate_document_request import GenerateDocumentRequest
from .generate_document_request_generic_mrt_outline_full import (
    GenerateDocumentRequestGenericMrtOutlineFull,
)
from .generate_document_response import GenerateDocumentResponse
from .task_status_response import TaskStatusResponse
from .task_status_response_status import TaskStatusResponseStatus

__all__ = (
    "ErrorResponse",
    "ErrorResponseDetails",
    "ErrorResponseDetailType2",
    "GenerateDocumentRequest",
    "GenerateDocumentRequestGenericMrtOutlineFull",
    "GenerateDocumentResponse",
    "TaskStatusResponse",
    "TaskStatusResponseStatus",
)
