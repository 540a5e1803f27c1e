"""Contains all the data models used in inputs/outputs"""

from .async_task_failed import AsyncTaskFailed
from .async_task_in_progress import AsyncTaskInProgress
from .async_task_in_progress_status import AsyncTaskInProgressStatus
from .async_task_operation import AsyncTaskOperation
from .async_task_operation_surface import AsyncTaskOperationSurface
from .async_task_succeeded import AsyncTaskSucceeded
from .content_update import ContentUpdate
from .create_page_request import CreatePageRequest
from .create_page_request_children_item import CreatePageRequestChildrenItem
from .create_page_request_content_item import CreatePageRequestContentItem
from .create_page_request_cover_type_0 import CreatePageRequestCoverType0
from .create_page_request_icon_type_0 import CreatePageRequestIconType0
from .create_page_request_parent import CreatePageRequestParent
from .create_page_request_position import CreatePageRequestPosition
from .create_page_request_properties import CreatePageRequestProperties
from .create_page_request_template import CreatePageRequestTemplate
from .error import Error
from .error_additional_data import ErrorAdditionalData
from .error_code import ErrorCode
from .insert_content import InsertContent
from .page import Page
from .page_markdown import PageMarkdown
from .page_parent import PageParent
from .page_properties import PageProperties
from .replace_content import ReplaceContent
from .replace_content_range import ReplaceContentRange
from .update_content import UpdateContent
from .update_page_markdown_request import UpdatePageMarkdownRequest
from .update_page_markdown_request_type import UpdatePageMarkdownRequestType

__all__ = (
    "AsyncTaskFailed",
    "AsyncTaskInProgress",
    "AsyncTaskInProgressStatus",
    "AsyncTaskOperation",
    "AsyncTaskOperationSurface",
    "AsyncTaskSucceeded",
    "ContentUpdate",
    "CreatePageRequest",
    "CreatePageRequestChildrenItem",
    "CreatePageRequestContentItem",
    "CreatePageRequestCoverType0",
    "CreatePageRequestIconType0",
    "CreatePageRequestParent",
    "CreatePageRequestPosition",
    "CreatePageRequestProperties",
    "CreatePageRequestTemplate",
    "Error",
    "ErrorAdditionalData",
    "ErrorCode",
    "InsertContent",
    "Page",
    "PageMarkdown",
    "PageParent",
    "PageProperties",
    "ReplaceContent",
    "ReplaceContentRange",
    "UpdateContent",
    "UpdatePageMarkdownRequest",
    "UpdatePageMarkdownRequestType",
)
