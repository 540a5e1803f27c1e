"""Contains all the data models used in inputs/outputs"""

from .cancel_forbidden import CancelForbidden
from .cancel_not_found import CancelNotFound
from .cancel_path_filter import CancelPathFilter
from .element import Element
from .element_properties import ElementProperties
from .element_table_type_0 import ElementTableType0
from .list_forbidden import ListForbidden
from .list_path_filter import ListPathFilter
from .partition_options import PartitionOptions
from .partition_options_chunking_options import PartitionOptionsChunkingOptions
from .partition_options_chunking_options_strategy import (
    PartitionOptionsChunkingOptionsStrategy,
)
from .partition_options_chunking_options_tokenizer import (
    PartitionOptionsChunkingOptionsTokenizer,
)
from .partition_options_chunking_options_tokenizer_options import (
    PartitionOptionsChunkingOptionsTokenizerOptions,
)
from .partition_options_extract_image_format import PartitionOptionsExtractImageFormat
from .partition_options_image_extraction_options import (
    PartitionOptionsImageExtractionOptions,
)
from .partition_options_image_extraction_options_extract_image_format import (
    PartitionOptionsImageExtractionOptionsExtractImageFormat,
)
from .partition_options_markdown_options import PartitionOptionsMarkdownOptions
from .partition_options_ocr_language import PartitionOptionsOCRLanguage
from .partition_options_output_format import PartitionOptionsOutputFormat
from .partition_options_output_label_options import PartitionOptionsOutputLabelOptions
from .partition_options_pipeline import PartitionOptionsPipeline
from .partition_options_property_extraction_options import (
    PartitionOptionsPropertyExtractionOptions,
)
from .partition_options_property_extraction_options_schema_item import (
    PartitionOptionsPropertyExtractionOptionsSchemaItem,
)
from .partition_options_property_extraction_options_schema_item_type import (
    PartitionOptionsPropertyExtractionOptionsSchemaItemType,
)
from .partition_options_property_extraction_options_schema_item_type_item_type import (
    PartitionOptionsPropertyExtractionOptionsSchemaItemTypeItemType,
)
from .partition_options_property_extraction_options_schema_item_type_type import (
    PartitionOptionsPropertyExtractionOptionsSchemaItemTypeType,
)
from .partition_options_table_extraction_options import (
    PartitionOptionsTableExtractionOptions,
)
from .partition_options_table_mode import PartitionOptionsTableMode
from .partition_options_text_extraction_options import (
    PartitionOptionsTextExtractionOptions,
)
from .partition_options_text_extraction_options_ocr_text_mode import (
    PartitionOptionsTextExtractionOptionsOCRTextMode,
)
from .partition_options_text_mode_type_0 import PartitionOptionsTextModeType0
from .partition_options_text_mode_type_1 import PartitionOptionsTextModeType1
from .partition_options_threshold_type_0 import PartitionOptionsThresholdType0
from .partition_request import PartitionRequest
from .partitioner_response import PartitionerResponse
from .partitioner_response_properties_type_0 import PartitionerResponsePropertiesType0
from .status_forbidden import StatusForbidden
from .status_not_found import StatusNotFound
from .status_path_filter import StatusPathFilter
from .submit_accepted import SubmitAccepted
from .submit_forbidden import SubmitForbidden
from .submit_rate_limited import SubmitRateLimited
from .task_list import TaskList
from .task_list_entry import TaskListEntry
from .task_list_status import TaskListStatus
from .task_list_tasks import TaskListTasks
from .task_pending import TaskPending

__all__ = (
    "CancelForbidden",
    "CancelNotFound",
    "CancelPathFilter",
    "Element",
    "ElementProperties",
    "ElementTableType0",
    "ListForbidden",
    "ListPathFilter",
    "PartitionerResponse",
    "PartitionerResponsePropertiesType0",
    "PartitionOptions",
    "PartitionOptionsChunkingOptions",
    "PartitionOptionsChunkingOptionsStrategy",
    "PartitionOptionsChunkingOptionsTokenizer",
    "PartitionOptionsChunkingOptionsTokenizerOptions",
    "PartitionOptionsExtractImageFormat",
    "PartitionOptionsImageExtractionOptions",
    "PartitionOptionsImageExtractionOptionsExtractImageFormat",
    "PartitionOptionsMarkdownOptions",
    "PartitionOptionsOCRLanguage",
    "PartitionOptionsOutputFormat",
    "PartitionOptionsOutputLabelOptions",
    "PartitionOptionsPipeline",
    "PartitionOptionsPropertyExtractionOptions",
    "PartitionOptionsPropertyExtractionOptionsSchemaItem",
    "PartitionOptionsPropertyExtractionOptionsSchemaItemType",
    "PartitionOptionsPropertyExtractionOptionsSchemaItemTypeItemType",
    "PartitionOptionsPropertyExtractionOptionsSchemaItemTypeType",
    "PartitionOptionsTableExtractionOptions",
    "PartitionOptionsTableMode",
    "PartitionOptionsTextExtractionOptions",
    "PartitionOptionsTextExtractionOptionsOCRTextMode",
    "PartitionOptionsTextModeType0",
    "PartitionOptionsTextModeType1",
    "PartitionOptionsThresholdType0",
    "PartitionRequest",
    "StatusForbidden",
    "StatusNotFound",
    "StatusPathFilter",
    "SubmitAccepted",
    "SubmitForbidden",
    "SubmitRateLimited",
    "TaskList",
    "TaskListEntry",
    "TaskListStatus",
    "TaskListTasks",
    "TaskPending",
)
