from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.segment_type import SegmentType
from ..types import (
    ANY,
    INTEGER,
    NULL,
    NUMBER,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_either,
    read_list_of,
    read_model,
    read_models,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.bounding_box import BoundingBox
    from ..models.ocr_result import OCRResult


T = TypeVar("T", bound="Segment")


@lazy_additional_properties
@_attrs_define
class Segment:
    """
    Attributes:
        page_height (float): Height of the page containing the segment.
        page_number (int): Page number of the segment.
        page_width (float): Width of the page containing the segment.
        segment_id (str): Unique identifier for the segment.
        segment_type (SegmentType | str): The segment's type; see SegmentType for the default naming convention.
        bbox (BoundingBox | None | Unset):
        chart_data (Any | Unset): Extracted chart data for Picture segments identified as charts.
            Contains structured data including chart_type, data series, labels, and legend.
        confidence (float | None | Unset): Confidence score of the layout analysis model
        content (str | Unset): Text content of the segment. By default, this contains OCR-extracted text.
            The source can be configured via the `content_source` field in segment processing configuration
            to use HTML, Markdown, or LLM representation instead.
        html (str | Unset): HTML representation of the segment.
        image (None | str | Unset): Presigned URL to the image of the segment.
        llm (None | str | Unset): LLM representation of the segment.
        markdown (str | Unset): Markdown representation of the segment.
        ocr (list[OCRResult] | None | Unset): OCR results for the segment.
        references (list[Any] | None | Unset):
        segment_type_display (None | str | Unset): Display name for the segment type (used for serialization based on
            naming convention)
    """

    page_height: float
    page_number: int
    page_width: float
    segment_id: str
    segment_type: SegmentType | str
    bbox: BoundingBox | None | Unset = UNSET
    chart_data: Any | Unset = UNSET
    confidence: float | None | Unset = UNSET
    content: str | Unset = UNSET
    html: str | Unset = UNSET
    image: None | str | Unset = UNSET
    llm: None | str | Unset = UNSET
    markdown: str | Unset = UNSET
    ocr: list[OCRResult] | None | Unset = UNSET
    references: list[Any] | None | Unset = UNSET
    segment_type_display: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.bounding_box import BoundingBox  # noqa: PLC0415

        page_height: Any = UNSET
        if not isinstance(self.page_height, Unset):
            page_height = self.page_height

        page_number: Any = UNSET
        if not isinstance(self.page_number, Unset):
            page_number = self.page_number

        page_width: Any = UNSET
        if not isinstance(self.page_width, Unset):
            page_width = self.page_width

        segment_id: Any = UNSET
        if not isinstance(self.segment_id, Unset):
            segment_id = self.segment_id

        segment_type: Any = UNSET
        if not isinstance(self.segment_type, Unset):
            if isinstance(self.segment_type, SegmentType):
                segment_type = self.segment_type.value
            else:
                segment_type = self.segment_type

        bbox: dict[str, Any] | None | Unset
        if isinstance(self.bbox, Unset):
            bbox = UNSET
        elif isinstance(self.bbox, BoundingBox):
            bbox = self.bbox.to_dict()
        else:
            bbox = self.bbox

        chart_data = self.chart_data

        confidence: float | None | Unset
        if isinstance(self.confidence, Unset):
            confidence = UNSET
        else:
            confidence = self.confidence

        content = self.content

        html = self.html

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        llm: None | str | Unset
        if isinstance(self.llm, Unset):
            llm = UNSET
        else:
            llm = self.llm

        markdown = self.markdown

        ocr: list[dict[str, Any]] | None | Unset
        if isinstance(self.ocr, Unset):
            ocr = UNSET
        elif isinstance(self.ocr, list):
            ocr = []
            for ocr_type_0_item_data in self.ocr:
                ocr_type_0_item = ocr_type_0_item_data.to_dict()
                ocr.append(ocr_type_0_item)

        else:
            ocr = self.ocr

        references: list[Any] | None | Unset
        if isinstance(self.references, Unset):
            references = UNSET
        elif isinstance(self.references, list):
            references = self.references

        else:
            references = self.references

        segment_type_display: None | str | Unset
        if isinstance(self.segment_type_display, Unset):
            segment_type_display = UNSET
        else:
            segment_type_display = self.segment_type_display

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if page_height is not UNSET:
            field_dict["page_height"] = page_height
        if page_number is not UNSET:
            field_dict["page_number"] = page_number
        if page_width is not UNSET:
            field_dict["page_width"] = page_width
        if segment_id is not UNSET:
            field_dict["segment_id"] = segment_id
        if segment_type is not UNSET:
            field_dict["segment_type"] = segment_type
        if bbox is not UNSET:
            field_dict["bbox"] = bbox
        if chart_data is not UNSET:
            field_dict["chart_data"] = chart_data
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if content is not UNSET:
            field_dict["content"] = content
        if html is not UNSET:
            field_dict["html"] = html
        if image is not UNSET:
            field_dict["image"] = image
        if llm is not UNSET:
            field_dict["llm"] = llm
        if markdown is not UNSET:
            field_dict["markdown"] = markdown
        if ocr is not UNSET:
            field_dict["ocr"] = ocr
        if references is not UNSET:
            field_dict["references"] = references
        if segment_type_display is not UNSET:
            field_dict["segment_type_display"] = segment_type_display

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
        page_height = src_dict.get("page_height", UNSET)
        if type(page_height) is not float and type(page_height) is not int:
            page_height = read_plain(misfits, "page_height", page_height, NUMBER, True)

        page_number = src_dict.get("page_number", UNSET)
        if type(page_number) is not int:
            page_number = read_plain(misfits, "page_number", page_number, INTEGER, True)

        page_width = src_dict.get("page_width", UNSET)
        if type(page_width) is not float and type(page_width) is not int:
            page_width = read_plain(misfits, "page_width", page_width, NUMBER, True)

        segment_id = src_dict.get("segment_id", UNSET)
        if type(segment_id) is not str:
            segment_id = read_plain(misfits, "segment_id", segment_id, STRING, True)

        segment_type = src_dict.get("segment_type", UNSET)
        segment_type = _read_segment_type(misfits, "segment_type", segment_type, True)

        bbox = src_dict.get("bbox", UNSET)
        if bbox is not UNSET and bbox is not None:
            bbox = _read_bbox(misfits, "bbox", bbox, False)

        chart_data = src_dict.get("chart_data", UNSET)

        confidence = src_dict.get("confidence", UNSET)
        if (
            type(confidence) is not float
            and type(confidence) is not int
            and confidence is not UNSET
            and confidence is not None
        ):
            confidence = read_plain(misfits, "confidence", confidence, (NUMBER | NULL), False)

        content = src_dict.get("content", UNSET)
        if type(content) is not str and content is not UNSET:
            content = read_plain(misfits, "content", content, STRING, False)

        html = src_dict.get("html", UNSET)
        if type(html) is not str and html is not UNSET:
            html = read_plain(misfits, "html", html, STRING, False)

        image = src_dict.get("image", UNSET)
        if type(image) is not str and image is not UNSET and image is not None:
            image = read_plain(misfits, "image", image, (STRING | NULL), False)

        llm = src_dict.get("llm", UNSET)
        if type(llm) is not str and llm is not UNSET and llm is not None:
            llm = read_plain(misfits, "llm", llm, (STRING | NULL), False)

        markdown = src_dict.get("markdown", UNSET)
        if type(markdown) is not str and markdown is not UNSET:
            markdown = read_plain(misfits, "markdown", markdown, STRING, False)

        ocr = src_dict.get("ocr", UNSET)
        if ocr is not UNSET and ocr is not None:
            ocr = _read_ocr(misfits, "ocr", ocr, False)

        references = src_dict.get("references", UNSET)
        if references is not UNSET and references is not None:
            references = _read_references(misfits, "references", references, False)

        segment_type_display = src_dict.get("segment_type_display", UNSET)
        if (
            type(segment_type_display) is not str
            and segment_type_display is not UNSET
            and segment_type_display is not None
        ):
            segment_type_display = read_plain(
                misfits, "segment_type_display", segment_type_display, (STRING | NULL), False
            )

        segment = cls(
            page_height,
            page_number,
            page_width,
            segment_id,
            segment_type,
            bbox,
            chart_data,
            confidence,
            content,
            html,
            image,
            llm,
            markdown,
            ocr,
            references,
            segment_type_display,
        )

        if len(src_dict) != (page_height is not UNSET) + (page_number is not UNSET) + (page_width is not UNSET) + (
            segment_id is not UNSET
        ) + (segment_type is not UNSET) + (bbox is not UNSET) + (chart_data is not UNSET) + (
            confidence is not UNSET
        ) + (content is not UNSET) + (html is not UNSET) + (image is not UNSET) + (llm is not UNSET) + (
            markdown is not UNSET
        ) + (ocr is not UNSET) + (references is not UNSET) + (segment_type_display is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            segment.additional_properties = d
        return segment

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
        "page_height",
        "page_number",
        "page_width",
        "segment_id",
        "segment_type",
        "bbox",
        "chart_data",
        "confidence",
        "content",
        "html",
        "image",
        "llm",
        "markdown",
        "ocr",
        "references",
        "segment_type_display",
    }
)


def _read_segment_type(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    try:
        return SegmentType(data)
    except (ValueError, TypeError):
        pass
    if type(data) is str:
        return data
    return read_either(
        misfits,
        key,
        data,
        STRING,
        "one of 'Caption', 'Footnote', 'Formula', 'ListItem', 'Page', 'PageFooter', 'PageHeader', 'Picture', ... or a string",
        required,
    )


def _read_bbox(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if data is None:
        return data
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, BoundingBox.from_dict, required)
    return read_either(misfits, key, data, NULL, "null or an object", required)


def _read_ocr(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, list):
        return read_models(misfits, key, data, OCRResult.from_dict, required)
    if data is None:
        return data
    return read_either(misfits, key, data, NULL, "an array or null", required)


def _read_references(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, list):
        return read_list_of(misfits, key, data, ANY, required)
    if data is None:
        return data
    return read_either(misfits, key, data, NULL, "an array or null", required)


from ..models.bounding_box import BoundingBox  # noqa: E402
from ..models.ocr_result import OCRResult  # noqa: E402
