from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.segment_type import SegmentType
from ..types import UNSET, Unset, lazy_additional_properties

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

        page_height = self.page_height

        page_number = self.page_number

        page_width = self.page_width

        segment_id = self.segment_id

        segment_type: str
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
        field_dict.update(
            {
                "page_height": page_height,
                "page_number": page_number,
                "page_width": page_width,
                "segment_id": segment_id,
                "segment_type": segment_type,
            }
        )
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        page_height = src_dict["page_height"]

        page_number = src_dict["page_number"]

        page_width = src_dict["page_width"]

        segment_id = src_dict["segment_id"]

        segment_type = _parse_segment_type(src_dict["segment_type"])

        bbox = src_dict.get("bbox", UNSET)
        if bbox is not None and bbox is not UNSET:
            bbox = _parse_bbox(bbox)

        chart_data = src_dict.get("chart_data", UNSET)

        confidence = src_dict.get("confidence", UNSET)

        content = src_dict.get("content", UNSET)

        html = src_dict.get("html", UNSET)

        image = src_dict.get("image", UNSET)

        llm = src_dict.get("llm", UNSET)

        markdown = src_dict.get("markdown", UNSET)

        ocr = src_dict.get("ocr", UNSET)
        if ocr is not None and ocr is not UNSET:
            ocr = _parse_ocr(ocr)

        references = src_dict.get("references", UNSET)
        if references is not None and references is not UNSET:
            references = _parse_references(references)

        segment_type_display = src_dict.get("segment_type_display", UNSET)

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

        if len(src_dict) != 5 + (bbox is not UNSET) + (chart_data is not UNSET) + (confidence is not UNSET) + (
            content is not UNSET
        ) + (html is not UNSET) + (image is not UNSET) + (llm is not UNSET) + (markdown is not UNSET) + (
            ocr is not UNSET
        ) + (references is not UNSET) + (segment_type_display is not UNSET):
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


def _parse_segment_type(data: object) -> SegmentType | str:
    try:
        if not isinstance(data, str):
            raise TypeError()
        segment_type_type_0 = SegmentType(data)

        return segment_type_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(SegmentType | str, data)


def _parse_bbox(data: object) -> BoundingBox | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        bbox_type_1 = BoundingBox.from_dict(data)

        return bbox_type_1
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(BoundingBox | None | Unset, data)


def _parse_ocr(data: object) -> list[OCRResult] | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, list):
            raise TypeError()
        ocr_type_0 = [OCRResult.from_dict(item) for item in data]

        return ocr_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(list[OCRResult] | None | Unset, data)


def _parse_references(data: object) -> list[Any] | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, list):
            raise TypeError()
        references_type_0 = cast(list[Any], data)

        return references_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(list[Any] | None | Unset, data)


from ..models.bounding_box import BoundingBox  # noqa: E402
from ..models.ocr_result import OCRResult  # noqa: E402
