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

        type_ = self.type_

        bbox = self.bbox

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
        field_dict.update(
            {
                "type": type_,
                "bbox": bbox,
                "properties": properties,
            }
        )
        if text_representation is not UNSET:
            field_dict["text_representation"] = text_representation
        if binary_representation is not UNSET:
            field_dict["binary_representation"] = binary_representation
        if table is not UNSET:
            field_dict["table"] = table

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        type_ = src_dict["type"]

        bbox = src_dict["bbox"]

        properties_input = src_dict["properties"]
        if type(properties_input) is dict:
            properties = DEFERRED
        else:
            properties = ElementProperties.from_dict(properties_input)

        text_representation = src_dict.get("text_representation", UNSET)

        binary_representation = src_dict.get("binary_representation", UNSET)

        table = src_dict.get("table", UNSET)
        if table is not None and table is not UNSET:
            table = _parse_table(table)

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

        if len(src_dict) != 3 + (text_representation is not UNSET) + (binary_representation is not UNSET) + (
            table is not UNSET
        ):
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


def _parse_table(data: object) -> ElementTableType0 | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        table_type_0 = ElementTableType0.from_dict(data)

        return table_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(ElementTableType0 | None | Unset, data)


from ..models.element_properties import ElementProperties  # noqa: E402
from ..models.element_table_type_0 import ElementTableType0  # noqa: E402

defer_model_field(Element, "properties", ElementProperties.from_dict)
