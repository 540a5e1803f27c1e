from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import (
    STRING,
    UNSET,
    File,
    FileTypes,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_file,
    read_model,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.partition_options import PartitionOptions


T = TypeVar("T", bound="PartitionRequest")


@lazy_additional_properties
@_attrs_define
class PartitionRequest:
    """
    Attributes:
        file (File | Unset):
        file_url (str | Unset):
        options (PartitionOptions | Unset):
    """

    file: File | Unset = UNSET
    file_url: str | Unset = UNSET
    options: PartitionOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        file: FileTypes | Unset = UNSET
        if not isinstance(self.file, Unset):
            file = self.file.to_tuple()

        file_url = self.file_url

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if file is not UNSET:
            field_dict["file"] = file
        if file_url is not UNSET:
            field_dict["file_url"] = file_url
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.file, Unset):
            files.append(("file", self.file.to_tuple()))

        if not isinstance(self.file_url, Unset):
            files.append(("file_url", (None, str(self.file_url).encode(), "text/plain")))

        if not isinstance(self.options, Unset):
            files.append(("options", (None, json.dumps(self.options.to_dict()).encode(), "application/json")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

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
        file = src_dict.get("file", UNSET)
        if file is not UNSET:
            file = read_file(misfits, "file", file, False)

        file_url = src_dict.get("file_url", UNSET)
        if type(file_url) is not str and file_url is not UNSET:
            file_url = read_plain(misfits, "file_url", file_url, STRING, False)

        options = src_dict.get("options", UNSET)
        if options is not UNSET:
            options = read_model(misfits, "options", options, PartitionOptions.from_dict, False)

        partition_request = cls(
            file,
            file_url,
            options,
        )

        if len(src_dict) != (file is not UNSET) + (file_url is not UNSET) + (options is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_request.additional_properties = d
        return partition_request

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
        "file",
        "file_url",
        "options",
    }
)


from ..models.partition_options import PartitionOptions  # noqa: E402
