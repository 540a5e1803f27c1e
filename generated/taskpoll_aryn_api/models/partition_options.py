from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

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
from ..types import UNSET, Unset, lazy_additional_properties

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
        field_dict.update({})
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        _selected_pages = src_dict.get("selected_pages", UNSET)
        selected_pages: list[int | list[int]] | Unset = UNSET
        if _selected_pages is not UNSET:
            selected_pages = []
            for selected_pages_item_data in _selected_pages:

                def _parse_selected_pages_item(data: object) -> int | list[int]:
                    try:
                        if not isinstance(data, list):
                            raise TypeError()
                        selected_pages_item_type_1 = cast(list[int], data)

                        return selected_pages_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(int | list[int], data)

                selected_pages_item = _parse_selected_pages_item(selected_pages_item_data)

                selected_pages.append(selected_pages_item)

        extract_images = src_dict.get("extract_images", UNSET)

        _image_extraction_options = src_dict.get("image_extraction_options", UNSET)
        image_extraction_options: PartitionOptionsImageExtractionOptions | Unset
        if isinstance(_image_extraction_options, Unset):
            image_extraction_options = UNSET
        else:
            image_extraction_options = PartitionOptionsImageExtractionOptions.from_dict(_image_extraction_options)

        _property_extraction_options = src_dict.get("property_extraction_options", UNSET)
        property_extraction_options: PartitionOptionsPropertyExtractionOptions | Unset
        if isinstance(_property_extraction_options, Unset):
            property_extraction_options = UNSET
        else:
            property_extraction_options = PartitionOptionsPropertyExtractionOptions.from_dict(
                _property_extraction_options
            )

        _table_extraction_options = src_dict.get("table_extraction_options", UNSET)
        table_extraction_options: PartitionOptionsTableExtractionOptions | Unset
        if isinstance(_table_extraction_options, Unset):
            table_extraction_options = UNSET
        else:
            table_extraction_options = PartitionOptionsTableExtractionOptions.from_dict(_table_extraction_options)

        summarize_images = src_dict.get("summarize_images", UNSET)

        _pipeline = src_dict.get("pipeline", UNSET)
        pipeline: PartitionOptionsPipeline | Unset
        if isinstance(_pipeline, Unset):
            pipeline = UNSET
        else:
            pipeline = PartitionOptionsPipeline(_pipeline)

        text_mode = src_dict.get("text_mode", UNSET)
        if text_mode is not UNSET:
            text_mode = _parse_text_mode(text_mode)

        _table_mode = src_dict.get("table_mode", UNSET)
        table_mode: PartitionOptionsTableMode | Unset
        if isinstance(_table_mode, Unset):
            table_mode = UNSET
        else:
            table_mode = PartitionOptionsTableMode(_table_mode)

        _text_extraction_options = src_dict.get("text_extraction_options", UNSET)
        text_extraction_options: PartitionOptionsTextExtractionOptions | Unset
        if isinstance(_text_extraction_options, Unset):
            text_extraction_options = UNSET
        else:
            text_extraction_options = PartitionOptionsTextExtractionOptions.from_dict(_text_extraction_options)

        _ocr_language = src_dict.get("ocr_language", UNSET)
        ocr_language: PartitionOptionsOCRLanguage | Unset
        if isinstance(_ocr_language, Unset):
            ocr_language = UNSET
        else:
            ocr_language = PartitionOptionsOCRLanguage(_ocr_language)

        threshold = src_dict.get("threshold", UNSET)
        if threshold is not UNSET:
            threshold = _parse_threshold(threshold)

        _chunking_options = src_dict.get("chunking_options", UNSET)
        chunking_options: PartitionOptionsChunkingOptions | Unset
        if isinstance(_chunking_options, Unset):
            chunking_options = UNSET
        else:
            chunking_options = PartitionOptionsChunkingOptions.from_dict(_chunking_options)

        _output_format = src_dict.get("output_format", UNSET)
        output_format: PartitionOptionsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = PartitionOptionsOutputFormat(_output_format)

        _output_label_options = src_dict.get("output_label_options", UNSET)
        output_label_options: PartitionOptionsOutputLabelOptions | Unset
        if isinstance(_output_label_options, Unset):
            output_label_options = UNSET
        else:
            output_label_options = PartitionOptionsOutputLabelOptions.from_dict(_output_label_options)

        _markdown_options = src_dict.get("markdown_options", UNSET)
        markdown_options: PartitionOptionsMarkdownOptions | Unset
        if isinstance(_markdown_options, Unset):
            markdown_options = UNSET
        else:
            markdown_options = PartitionOptionsMarkdownOptions.from_dict(_markdown_options)

        extract_table_structure = src_dict.get("extract_table_structure", UNSET)

        use_ocr = src_dict.get("use_ocr", UNSET)

        _extract_image_format = src_dict.get("extract_image_format", UNSET)
        extract_image_format: PartitionOptionsExtractImageFormat | Unset
        if isinstance(_extract_image_format, Unset):
            extract_image_format = UNSET
        else:
            extract_image_format = PartitionOptionsExtractImageFormat(_extract_image_format)

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

        if not src_dict.keys() <= _KNOWN_KEYS:
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


def _parse_text_mode(data: object) -> PartitionOptionsTextModeType0 | PartitionOptionsTextModeType1 | Unset:
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, str):
            raise TypeError()
        text_mode_type_0 = PartitionOptionsTextModeType0(data)

        return text_mode_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    if not isinstance(data, str):
        raise TypeError()
    text_mode_type_1 = PartitionOptionsTextModeType1(data)

    return text_mode_type_1


def _parse_threshold(data: object) -> float | PartitionOptionsThresholdType0 | Unset:
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, str):
            raise TypeError()
        threshold_type_0 = PartitionOptionsThresholdType0(data)

        return threshold_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(float | PartitionOptionsThresholdType0 | Unset, data)


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
