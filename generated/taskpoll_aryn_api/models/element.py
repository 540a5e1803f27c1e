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
    read_list_of,
    read_model,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.element_properties import ElementProperties
    from ..models.element_table_type_0 import ElementTableType0


T = TypeVar("T", bound="Element")


@lazy_additional_properties
@_attrs_define
class Element(DeferredField):
    """
    Attributes:
        type_ (str): The type of the element.
        bbox (list[float]): The bounding box of the element.
        properties (ElementProperties): The properties of the element.
        text_representation (None | str | Unset): The text representation of the element. Null or absent on tables (and
            on some older
            elements), see `table`.
        binary_representation (None | str | Unset): The binary representation of the element (base64 in JSON). Absent
            from real output unless
            images were extracted.
        table (ElementTableType0 | None | Unset): The table structure of a table element (`cells`, `caption`,
            `num_rows`, `num_cols`,
            `column_headers`), or null when it was not extracted.
    """

    type_: str
    bbox: list[float]
    properties: ElementProperties
    text_representation: None | str | Unset = UNSET
    binary_representation: None | str | Unset = UNSET
    table: ElementTableType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.element_table_type_0 import ElementTableType0  # noqa: PLC0415

        type_: Any = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        bbox: Any = UNSET
        if not isinstance(self.bbox, Unset):
            bbox = self.bbox

        properties: Any = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        text_representation: None | str | Unset
        if isinstance(self.text_representation, Unset):
            text_representation = UNSET
        else:
            text_representation = self.text_representation

        binary_representation: None | str | Unset
        if isinstance(self.binary_representation, Unset):
            binary_representation = UNSET
        else:
            binary_representation = self.binary_representation

        table: dict[str, Any] | None | Unset
        if isinstance(self.table, Unset):
            table = UNSET
        elif isinstance(self.table, ElementTableType0):
            table = self.table.to_dict()
        else:
            table = self.table

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if type_ is not UNSET:
            field_dict["type"] = type_
        if bbox is not UNSET:
            field_dict["bbox"] = bbox
        if properties is not UNSET:
            field_dict["properties"] = properties
        if text_representation is not UNSET:
            field_dict["text_representation"] = text_representation
        if binary_representation is not UNSET:
            field_dict["binary_representation"] = binary_representation
        if table is not UNSET:
            field_dict["table"] = table

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
        type_ = src_dict.get("type", UNSET)
        if type(type_) is not str:
            type_ = read_plain(misfits, "type", type_, STRING, True)

        bbox = src_dict.get("bbox", UNSET)
        if type(bbox) is list:
            for bbox_item in bbox:
                if type(bbox_item) is not float and type(bbox_item) is not int:
                    bbox = read_list_of(misfits, "bbox", bbox, NUMBER, True)
                    break
        else:
            bbox = read_list_of(misfits, "bbox", bbox, NUMBER, True)

        properties_input = src_dict.get("properties", UNSET)
        if type(properties_input) is dict:
            properties = DEFERRED
        else:
            properties = read_model(misfits, "properties", properties_input, ElementProperties.from_dict, True)

        text_representation = src_dict.get("text_representation", UNSET)
        if (
            type(text_representation) is not str
            and text_representation is not UNSET
            and text_representation is not None
        ):
            text_representation = read_plain(
                misfits, "text_representation", text_representation, (STRING | NULL), False
            )

        binary_representation = src_dict.get("binary_representation", UNSET)
        if (
            type(binary_representation) is not str
            and binary_representation is not UNSET
            and binary_representation is not None
        ):
            binary_representation = read_plain(
                misfits, "binary_representation", binary_representation, (STRING | NULL), False
            )

        table = src_dict.get("table", UNSET)
        if table is not UNSET and table is not None:
            table = _read_table(misfits, "table", table, False)

        element = cls(
            type_,
            bbox,
            properties,
            text_representation,
            binary_representation,
            table,
        )
        if properties is DEFERRED:
            element._deferred = properties_input

        if len(src_dict) != (type_ is not UNSET) + (bbox is not UNSET) + (properties is not UNSET) + (
            text_representation is not UNSET
        ) + (binary_representation is not UNSET) + (table is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            element.additional_properties = d
        return element

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
        "type",
        "bbox",
        "properties",
        "text_representation",
        "binary_representation",
        "table",
    }
)


def _read_table(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, ElementTableType0.from_dict, required)
    if data is None:
        return data
    return read_either(misfits, key, data, NULL, "an object or null", required)


from ..models.element_properties import ElementProperties  # noqa: E402
from ..models.element_table_type_0 import ElementTableType0  # noqa: E402

defer_model_field(Element, "properties", ElementProperties.from_dict)
