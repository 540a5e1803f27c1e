"""Contains all the data models used in inputs/outputs"""

from .async_task import AsyncTask
from .async_task_result_object import AsyncTaskResultObject
from .async_task_state import AsyncTaskState
from .async_task_status import AsyncTaskStatus
from .get_assessment_query_spec_result_request import (
    GetAssessmentQuerySpecResultRequest,
)
from .get_assessment_query_spec_result_request_source_node_types import (
    GetAssessmentQuerySpecResultRequestSourceNodeTypes,
)
from .get_async_task_response import GetAsyncTaskResponse
from .protobuf_any import ProtobufAny
from .rpc_status import RpcStatus

__all__ = (
    "AsyncTask",
    "AsyncTaskResultObject",
    "AsyncTaskState",
    "AsyncTaskStatus",
    "GetAssessmentQuerySpecResultRequest",
    "GetAssessmentQuerySpecResultRequestSourceNodeTypes",
    "GetAsyncTaskResponse",
    "ProtobufAny",
    "RpcStatus",
)
