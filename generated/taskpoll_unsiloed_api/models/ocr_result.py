from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    DEFERRED,
    UNSET,
    DeferredField,
    Unset,
    defer_model_field,
    lazy_additional_properties,
)

if TYPE_CHECKING:
    from ..models.bounding_box import BoundingBox
    from ..models.text_color import TextColor


T = TypeVar("T", bound="OCRResult")


@lazy_additional_properties
@_attrs_define
class OCRResult(DeferredField):
    """OCR results for a segment

    Attributes:
        bbox (BoundingBox): Bounding box for an item. It is used for chunks, segments and OCR results.
        text (str): The recognized text of the OCR result.
        color (None | TextColor | Unset):
        confidence (float | None | Unset): The confidence score of the recognized text.
        link (None | str | Unset): Optional link URL associated with this OCR result (from PDF annotations)
    """

    bbox: BoundingBox
    text: str
    color: None | TextColor | Unset = UNSET
    confidence: float | None | Unset = UNSET
    link: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text_color import TextColor  # noqa: PLC0415

        bbox = self.bbox.to_dict()

        text = self.text

        color: dict[str, Any] | None | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        elif isinstance(self.color, TextColor):
            color = self.color.to_dict()
        else:
            color = self.color

        confidence: float | None | Unset
        if isinstance(self.confidence, Unset):
            confidence = UNSET
        else:
            confidence = self.confidence

        link: None | str | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        else:
            link = self.link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bbox": bbox,
                "text": text,
            }
        )
        if color is not UNSET:
            field_dict["color"] = color
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if link is not UNSET:
            field_dict["link"] = link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        bbox_input = src_dict["bbox"]
        if (
            type(bbox_input) is dict
            and "height" in bbox_input
            and "left" in bbox_input
            and "top" in bbox_input
            and "width" in bbox_input
        ):
            bbox = DEFERRED
        else:
            bbox = BoundingBox.from_dict(bbox_input)

        text = src_dict["text"]

        color = src_dict.get("color", UNSET)
        if color is not None and color is not UNSET:
            color = _parse_color(color)

        confidence = src_dict.get("confidence", UNSET)

        link = src_dict.get("link", UNSET)

        ocr_result = cls(
            bbox,
            text,
            color,
            confidence,
            link,
        )
        if bbox is DEFERRED:
            ocr_result._deferred = bbox_input

        if len(src_dict) != 2 + (color is not UNSET) + (confidence is not UNSET) + (link is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            ocr_result.additional_properties = d
        return ocr_result

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
        "bbox",
        "text",
        "color",
        "confidence",
        "link",
    }
)


def _parse_color(data: object) -> None | TextColor | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        color_type_1 = TextColor.from_dict(data)

        return color_type_1
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(None | TextColor | Unset, data)


from ..models.bounding_box import BoundingBox  # noqa: E402
from ..models.text_color import TextColor  # noqa: E402

defer_model_field(OCRResult, "bbox", BoundingBox.from_dict)
