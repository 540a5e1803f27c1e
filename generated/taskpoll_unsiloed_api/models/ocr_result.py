from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    DEFERRED,
    NULL,
    NUMBER,
    STRING,
    UNSET,
    DeferredField,
    Misfit,
    Unset,
    as_dict,
    defer_model_field,
    lazy_additional_properties,
    read_either,
    read_model,
    read_plain,
    strict,
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

        bbox: Any = UNSET
        if not isinstance(self.bbox, Unset):
            bbox = self.bbox.to_dict()

        text: Any = UNSET
        if not isinstance(self.text, Unset):
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
        if bbox is not UNSET:
            field_dict["bbox"] = bbox
        if text is not UNSET:
            field_dict["text"] = text
        if color is not UNSET:
            field_dict["color"] = color
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if link is not UNSET:
            field_dict["link"] = link

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
        bbox_input = src_dict.get("bbox", UNSET)
        if (
            type(bbox_input) is dict
            and type(bbox_input.get("height", UNSET)) in (float, int)
            and type(bbox_input.get("left", UNSET)) in (float, int)
            and type(bbox_input.get("top", UNSET)) in (float, int)
            and type(bbox_input.get("width", UNSET)) in (float, int)
        ):
            bbox = DEFERRED
        else:
            bbox = read_model(misfits, "bbox", bbox_input, BoundingBox.from_dict, True)

        text = src_dict.get("text", UNSET)
        if type(text) is not str:
            text = read_plain(misfits, "text", text, STRING, True)

        color = src_dict.get("color", UNSET)
        if color is not UNSET and color is not None:
            color = _read_color(misfits, "color", color, False)

        confidence = src_dict.get("confidence", UNSET)
        if (
            type(confidence) is not float
            and type(confidence) is not int
            and confidence is not UNSET
            and confidence is not None
        ):
            confidence = read_plain(misfits, "confidence", confidence, (NUMBER | NULL), False)

        link = src_dict.get("link", UNSET)
        if type(link) is not str and link is not UNSET and link is not None:
            link = read_plain(misfits, "link", link, (STRING | NULL), False)

        ocr_result = cls(
            bbox,
            text,
            color,
            confidence,
            link,
        )
        if bbox is DEFERRED:
            ocr_result._deferred = bbox_input

        if len(src_dict) != (bbox is not UNSET) + (text is not UNSET) + (color is not UNSET) + (
            confidence is not UNSET
        ) + (link is not UNSET):
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


def _read_color(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if data is None:
        return data
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, TextColor.from_dict, required)
    return read_either(misfits, key, data, NULL, "null or an object", required)


from ..models.bounding_box import BoundingBox  # noqa: E402
from ..models.text_color import TextColor  # noqa: E402

defer_model_field(OCRResult, "bbox", BoundingBox.from_dict)
