from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partition_options_extract_image_format import (
    PartitionOptionsExtractImageFormat,
)
from ..models.partition_options_ocr_language import PartitionOptionsOCRLanguage
from ..models.partition_options_output_format import PartitionOptionsOutputFormat
from ..models.partition_options_pipeline import PartitionOptionsPipeline
from ..models.partition_options_table_mode import PartitionOptionsTableMode
from ..models.partition_options_text_mode_type_0 import PartitionOptionsTextModeType0
from ..models.partition_options_text_mode_type_1 import PartitionOptionsTextModeType1
from ..models.partition_options_threshold_type_0 import PartitionOptionsThresholdType0
from ..types import (
    BOOLEAN,
    INTEGER,
    NUMBER,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_either,
    read_enum,
    read_list,
    read_list_of,
    read_model,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.partition_options_chunking_options import (
        PartitionOptionsChunkingOptions,
    )
    from ..models.partition_options_image_extraction_options import (
        PartitionOptionsImageExtractionOptions,
    )
    from ..models.partition_options_markdown_options import (
        PartitionOptionsMarkdownOptions,
    )
    from ..models.partition_options_output_label_options import (
        PartitionOptionsOutputLabelOptions,
    )
    from ..models.partition_options_property_extraction_options import (
        PartitionOptionsPropertyExtractionOptions,
    )
    from ..models.partition_options_table_extraction_options import (
        PartitionOptionsTableExtractionOptions,
    )
    from ..models.partition_options_text_extraction_options import (
        PartitionOptionsTextExtractionOptions,
    )


T = TypeVar("T", bound="PartitionOptions")


@lazy_additional_properties
@_attrs_define
class PartitionOptions:
    """
    Attributes:
        selected_pages (list[int | list[int]] | Unset): An array containing single integers (e.g., 1) and/or arrays with
            exactly two integers representing a range (e.g., [1, 10]).
        extract_images (bool | Unset): A boolean value indicating whether to crop images detected in the document and
            return them in the specified format converted to base64 within the binary_representation of returned image
            elements.
             Default: False.
        image_extraction_options (PartitionOptionsImageExtractionOptions | Unset):
        property_extraction_options (PartitionOptionsPropertyExtractionOptions | Unset): (PAYG Only) Options for
            extracting properties (key-value pairs) from documents such as invoices, purchase orders, contracts, etc.
        table_extraction_options (PartitionOptionsTableExtractionOptions | Unset): Options for table extraction
        summarize_images (bool | Unset): (PAYG Only) A boolean value indicating whether to summarize images detected in
            the document and return them as the text representation of the image elements.
             Default: False.
        pipeline (PartitionOptionsPipeline | Unset): The parsing pipeline to use in DocParse. Defaults to `standard`,
            which keeps existing behavior. When set to `vision`, DocParse will use a VLM to parse the provided document and
            will ignore the values of the `threshold`, `text_mode`, `table_mode`, `text_extraction_options`,
            `table_extraction_options`, and `extract_images` parameters.
             Default: PartitionOptionsPipeline.STANDARD.
        text_mode (PartitionOptionsTextModeType0 | PartitionOptionsTextModeType1 | Unset): The mode to use for text
            extraction. Defaults to `auto`, which intelligently uses the best combination of OCR and inline text. Note that
            the `vision_ocr` mode is only available for PAYG users.
        table_mode (PartitionOptionsTableMode | Unset): The mode to use for table structure extraction. Defaults to
            `none`, which will not extract table structure. Note that the `vision` mode is only available for PAYG users.
             Default: PartitionOptionsTableMode.STANDARD.
        text_extraction_options (PartitionOptionsTextExtractionOptions | Unset): Options for text extraction
        ocr_language (PartitionOptionsOCRLanguage | Unset): The language to use for OCR. Defaults to `english`.
             Default: PartitionOptionsOCRLanguage.ENGLISH.
        threshold (float | PartitionOptionsThresholdType0 | Unset): A number between 0 and 1 indicating the threshold
            for document segmentation. Defaults to auto, which uses an automatic threshold.
             Default: PartitionOptionsThresholdType0.AUTO.
        chunking_options (PartitionOptionsChunkingOptions | Unset): The options for chunking the document. If not
            specified, then chunking will not be performed.
        output_format (PartitionOptionsOutputFormat | Unset): The format of the output. Defaults to json.
             Default: PartitionOptionsOutputFormat.JSON.
        output_label_options (PartitionOptionsOutputLabelOptions | Unset): A dictionary of options to specify which
            heuristic to apply to enforce certain label outputs.
        markdown_options (PartitionOptionsMarkdownOptions | Unset): A dictionary of options to specify what to include
            in the markdown output.
        extract_table_structure (bool | Unset): Use `table_mode` instead. A boolean value indicating whether to extract
            table structure from the document. This means detecting cells of a table broken into rows and columns.
             Default: True.
        use_ocr (bool | Unset): Use `text_mode` instead. A boolean value indicating whether to use OCR or not on the
            document.
        extract_image_format (PartitionOptionsExtractImageFormat | Unset): The format to use for extracted images.
            Defaults to ppm.
             Default: PartitionOptionsExtractImageFormat.PPM.
    """

    selected_pages: list[int | list[int]] | Unset = UNSET
    extract_images: bool | Unset = False
    image_extraction_options: PartitionOptionsImageExtractionOptions | Unset = UNSET
    property_extraction_options: PartitionOptionsPropertyExtractionOptions | Unset = UNSET
    table_extraction_options: PartitionOptionsTableExtractionOptions | Unset = UNSET
    summarize_images: bool | Unset = False
    pipeline: PartitionOptionsPipeline | Unset = PartitionOptionsPipeline.STANDARD
    text_mode: PartitionOptionsTextModeType0 | PartitionOptionsTextModeType1 | Unset = UNSET
    table_mode: PartitionOptionsTableMode | Unset = PartitionOptionsTableMode.STANDARD
    text_extraction_options: PartitionOptionsTextExtractionOptions | Unset = UNSET
    ocr_language: PartitionOptionsOCRLanguage | Unset = PartitionOptionsOCRLanguage.ENGLISH
    threshold: float | PartitionOptionsThresholdType0 | Unset = PartitionOptionsThresholdType0.AUTO
    chunking_options: PartitionOptionsChunkingOptions | Unset = UNSET
    output_format: PartitionOptionsOutputFormat | Unset = PartitionOptionsOutputFormat.JSON
    output_label_options: PartitionOptionsOutputLabelOptions | Unset = UNSET
    markdown_options: PartitionOptionsMarkdownOptions | Unset = UNSET
    extract_table_structure: bool | Unset = True
    use_ocr: bool | Unset = UNSET
    extract_image_format: PartitionOptionsExtractImageFormat | Unset = PartitionOptionsExtractImageFormat.PPM
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        selected_pages: list[int | list[int]] | Unset = UNSET
        if not isinstance(self.selected_pages, Unset):
            selected_pages = []
            for selected_pages_item_data in self.selected_pages:
                selected_pages_item: int | list[int]
                if isinstance(selected_pages_item_data, list):
                    selected_pages_item = selected_pages_item_data

                else:
                    selected_pages_item = selected_pages_item_data
                selected_pages.append(selected_pages_item)

        extract_images = self.extract_images

        image_extraction_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.image_extraction_options, Unset):
            image_extraction_options = self.image_extraction_options.to_dict()

        property_extraction_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.property_extraction_options, Unset):
            property_extraction_options = self.property_extraction_options.to_dict()

        table_extraction_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.table_extraction_options, Unset):
            table_extraction_options = self.table_extraction_options.to_dict()

        summarize_images = self.summarize_images

        pipeline: str | Unset = UNSET
        if not isinstance(self.pipeline, Unset):
            pipeline = self.pipeline.value

        text_mode: str | Unset
        if isinstance(self.text_mode, Unset):
            text_mode = UNSET
        elif isinstance(self.text_mode, PartitionOptionsTextModeType0):
            text_mode = self.text_mode.value
        else:
            text_mode = self.text_mode.value

        table_mode: str | Unset = UNSET
        if not isinstance(self.table_mode, Unset):
            table_mode = self.table_mode.value

        text_extraction_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.text_extraction_options, Unset):
            text_extraction_options = self.text_extraction_options.to_dict()

        ocr_language: str | Unset = UNSET
        if not isinstance(self.ocr_language, Unset):
            ocr_language = self.ocr_language.value

        threshold: float | str | Unset
        if isinstance(self.threshold, Unset):
            threshold = UNSET
        elif isinstance(self.threshold, PartitionOptionsThresholdType0):
            threshold = self.threshold.value
        else:
            threshold = self.threshold

        chunking_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.chunking_options, Unset):
            chunking_options = self.chunking_options.to_dict()

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format.value

        output_label_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output_label_options, Unset):
            output_label_options = self.output_label_options.to_dict()

        markdown_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.markdown_options, Unset):
            markdown_options = self.markdown_options.to_dict()

        extract_table_structure = self.extract_table_structure

        use_ocr = self.use_ocr

        extract_image_format: str | Unset = UNSET
        if not isinstance(self.extract_image_format, Unset):
            extract_image_format = self.extract_image_format.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if selected_pages is not UNSET:
            field_dict["selected_pages"] = selected_pages
        if extract_images is not UNSET:
            field_dict["extract_images"] = extract_images
        if image_extraction_options is not UNSET:
            field_dict["image_extraction_options"] = image_extraction_options
        if property_extraction_options is not UNSET:
            field_dict["property_extraction_options"] = property_extraction_options
        if table_extraction_options is not UNSET:
            field_dict["table_extraction_options"] = table_extraction_options
        if summarize_images is not UNSET:
            field_dict["summarize_images"] = summarize_images
        if pipeline is not UNSET:
            field_dict["pipeline"] = pipeline
        if text_mode is not UNSET:
            field_dict["text_mode"] = text_mode
        if table_mode is not UNSET:
            field_dict["table_mode"] = table_mode
        if text_extraction_options is not UNSET:
            field_dict["text_extraction_options"] = text_extraction_options
        if ocr_language is not UNSET:
            field_dict["ocr_language"] = ocr_language
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if chunking_options is not UNSET:
            field_dict["chunking_options"] = chunking_options
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if output_label_options is not UNSET:
            field_dict["output_label_options"] = output_label_options
        if markdown_options is not UNSET:
            field_dict["markdown_options"] = markdown_options
        if extract_table_structure is not UNSET:
            field_dict["extract_table_structure"] = extract_table_structure
        if use_ocr is not UNSET:
            field_dict["use_ocr"] = use_ocr
        if extract_image_format is not UNSET:
            field_dict["extract_image_format"] = extract_image_format

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], misfits: list[Misfit] | None = None) -> T:
        """The model of a decoded JSON object. Every field holds its declared type: what does not fit is
        left out (UNSET, or a list item dropped) and appended to `misfits` (types.Misfit, with its path); a
        required field that does not fit is UNSET here, and makes a reader of this model as a nested value
        leave it out. Without `misfits`, anything that does not fit raises MisfitError."""
        if misfits is None:
            return strict(cls.from_dict, src_dict)
        if type(src_dict) is not dict:
            src_dict = as_dict(src_dict)
        selected_pages = src_dict.get("selected_pages", UNSET)
        if selected_pages is not UNSET:
            selected_pages = read_list(misfits, "selected_pages", selected_pages, _read_selected_pages_item, False)

        extract_images = src_dict.get("extract_images", UNSET)
        if type(extract_images) is not bool and extract_images is not UNSET:
            extract_images = read_plain(misfits, "extract_images", extract_images, BOOLEAN, False)

        image_extraction_options = src_dict.get("image_extraction_options", UNSET)
        if image_extraction_options is not UNSET:
            image_extraction_options = read_model(
                misfits,
                "image_extraction_options",
                image_extraction_options,
                PartitionOptionsImageExtractionOptions.from_dict,
                False,
            )

        property_extraction_options = src_dict.get("property_extraction_options", UNSET)
        if property_extraction_options is not UNSET:
            property_extraction_options = read_model(
                misfits,
                "property_extraction_options",
                property_extraction_options,
                PartitionOptionsPropertyExtractionOptions.from_dict,
                False,
            )

        table_extraction_options = src_dict.get("table_extraction_options", UNSET)
        if table_extraction_options is not UNSET:
            table_extraction_options = read_model(
                misfits,
                "table_extraction_options",
                table_extraction_options,
                PartitionOptionsTableExtractionOptions.from_dict,
                False,
            )

        summarize_images = src_dict.get("summarize_images", UNSET)
        if type(summarize_images) is not bool and summarize_images is not UNSET:
            summarize_images = read_plain(misfits, "summarize_images", summarize_images, BOOLEAN, False)

        pipeline = src_dict.get("pipeline", UNSET)
        if pipeline is not UNSET:
            pipeline = read_enum(misfits, "pipeline", pipeline, PartitionOptionsPipeline, False)

        text_mode = src_dict.get("text_mode", UNSET)
        if text_mode is not UNSET:
            text_mode = _read_text_mode(misfits, "text_mode", text_mode, False)

        table_mode = src_dict.get("table_mode", UNSET)
        if table_mode is not UNSET:
            table_mode = read_enum(misfits, "table_mode", table_mode, PartitionOptionsTableMode, False)

        text_extraction_options = src_dict.get("text_extraction_options", UNSET)
        if text_extraction_options is not UNSET:
            text_extraction_options = read_model(
                misfits,
                "text_extraction_options",
                text_extraction_options,
                PartitionOptionsTextExtractionOptions.from_dict,
                False,
            )

        ocr_language = src_dict.get("ocr_language", UNSET)
        if ocr_language is not UNSET:
            ocr_language = read_enum(misfits, "ocr_language", ocr_language, PartitionOptionsOCRLanguage, False)

        threshold = src_dict.get("threshold", UNSET)
        if threshold is not UNSET:
            threshold = _read_threshold(misfits, "threshold", threshold, False)

        chunking_options = src_dict.get("chunking_options", UNSET)
        if chunking_options is not UNSET:
            chunking_options = read_model(
                misfits, "chunking_options", chunking_options, PartitionOptionsChunkingOptions.from_dict, False
            )

        output_format = src_dict.get("output_format", UNSET)
        if output_format is not UNSET:
            output_format = read_enum(misfits, "output_format", output_format, PartitionOptionsOutputFormat, False)

        output_label_options = src_dict.get("output_label_options", UNSET)
        if output_label_options is not UNSET:
            output_label_options = read_model(
                misfits,
                "output_label_options",
                output_label_options,
                PartitionOptionsOutputLabelOptions.from_dict,
                False,
            )

        markdown_options = src_dict.get("markdown_options", UNSET)
        if markdown_options is not UNSET:
            markdown_options = read_model(
                misfits, "markdown_options", markdown_options, PartitionOptionsMarkdownOptions.from_dict, False
            )

        extract_table_structure = src_dict.get("extract_table_structure", UNSET)
        if type(extract_table_structure) is not bool and extract_table_structure is not UNSET:
            extract_table_structure = read_plain(
                misfits, "extract_table_structure", extract_table_structure, BOOLEAN, False
            )

        use_ocr = src_dict.get("use_ocr", UNSET)
        if type(use_ocr) is not bool and use_ocr is not UNSET:
            use_ocr = read_plain(misfits, "use_ocr", use_ocr, BOOLEAN, False)

        extract_image_format = src_dict.get("extract_image_format", UNSET)
        if extract_image_format is not UNSET:
            extract_image_format = read_enum(
                misfits, "extract_image_format", extract_image_format, PartitionOptionsExtractImageFormat, False
            )

        partition_options = cls(
            selected_pages,
            extract_images,
            image_extraction_options,
            property_extraction_options,
            table_extraction_options,
            summarize_images,
            pipeline,
            text_mode,
            table_mode,
            text_extraction_options,
            ocr_language,
            threshold,
            chunking_options,
            output_format,
            output_label_options,
            markdown_options,
            extract_table_structure,
            use_ocr,
            extract_image_format,
        )

        if len(src_dict) != (selected_pages is not UNSET) + (extract_images is not UNSET) + (
            image_extraction_options is not UNSET
        ) + (property_extraction_options is not UNSET) + (table_extraction_options is not UNSET) + (
            summarize_images is not UNSET
        ) + (pipeline is not UNSET) + (text_mode is not UNSET) + (table_mode is not UNSET) + (
            text_extraction_options is not UNSET
        ) + (ocr_language is not UNSET) + (threshold is not UNSET) + (chunking_options is not UNSET) + (
            output_format is not UNSET
        ) + (output_label_options is not UNSET) + (markdown_options is not UNSET) + (
            extract_table_structure is not UNSET
        ) + (use_ocr is not UNSET) + (extract_image_format is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options.additional_properties = d
        return partition_options

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_KNOWN_KEYS = frozenset(
    {
        "selected_pages",
        "extract_images",
        "image_extraction_options",
        "property_extraction_options",
        "table_extraction_options",
        "summarize_images",
        "pipeline",
        "text_mode",
        "table_mode",
        "text_extraction_options",
        "ocr_language",
        "threshold",
        "chunking_options",
        "output_format",
        "output_label_options",
        "markdown_options",
        "extract_table_structure",
        "use_ocr",
        "extract_image_format",
    }
)


def _read_selected_pages_item(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if type(data) is int:
        return data
    if isinstance(data, list):
        return read_list_of(misfits, key, data, INTEGER, required)
    return read_either(misfits, key, data, INTEGER, "an integer or an array", required)


def _read_text_mode(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    try:
        return PartitionOptionsTextModeType0(data)
    except (ValueError, TypeError):
        pass
    try:
        return PartitionOptionsTextModeType1(data)
    except (ValueError, TypeError):
        pass
    return read_either(
        misfits,
        key,
        data,
        None,
        "one of 'inline_fallback_to_ocr', 'ocr_standard', 'ocr_vision', 'auto' or one of 'vision_ocr', 'standard_ocr', 'inline', 'fine_grained'",
        required,
    )


def _read_threshold(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    try:
        return PartitionOptionsThresholdType0(data)
    except (ValueError, TypeError):
        pass
    if type(data) is float or type(data) is int:
        return data
    return read_either(misfits, key, data, NUMBER, "one of 'auto' or a number", required)


from ..models.partition_options_chunking_options import PartitionOptionsChunkingOptions  # noqa: E402
from ..models.partition_options_image_extraction_options import (
    PartitionOptionsImageExtractionOptions,  # noqa: E402
)
from ..models.partition_options_markdown_options import PartitionOptionsMarkdownOptions  # noqa: E402
from ..models.partition_options_output_label_options import (
    PartitionOptionsOutputLabelOptions,  # noqa: E402
)
from ..models.partition_options_property_extraction_options import (
    PartitionOptionsPropertyExtractionOptions,  # noqa: E402
)
from ..models.partition_options_table_extraction_options import (
    PartitionOptionsTableExtractionOptions,  # noqa: E402
)
from ..models.partition_options_text_extraction_options import (
    PartitionOptionsTextExtractionOptions,  # noqa: E402
)
