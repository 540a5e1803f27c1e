from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, lazy_additional_properties

if TYPE_CHECKING:
    from ..models.generate_document_request_generic_mrt_outline_full import (
        GenerateDocumentRequestGenericMrtOutlineFull,
    )


T = TypeVar("T", bound="GenerateDocumentRequest")


@lazy_additional_properties
@_attrs_define
class GenerateDocumentRequest:
    """Field aliases: connector_data_id = document_set_key, template_id = generic_mrt_id, workspace_name =
    document_set_name. Both the alias and field name are accepted.

        Attributes:
            document_type (str): Type of document to generate (e.g., CSR, Protocol)
            file_paths (list[str]): S3 object keys for source documents (e.g., org-id/documents/protocol.pdf)
            connector_data_id (str): Unique key for document set (field name: document_set_key)
            workspace_name (str): Human-readable name for the document set (field name: document_set_name)
            template_id (str): ID of the template to use (field name: generic_mrt_id)
            output_name (str): Name for the generated output file (without .docx extension)
            selected_section_ids (list[str] | Unset): Specific section IDs to include (optional)
            generic_mrt_outline_full (GenerateDocumentRequestGenericMrtOutlineFull | Unset): Full outline structure
                (optional)
            document_instructions (None | str | Unset): Document-level instructions (optional)
            style_guide_id (None | str | Unset): Style guide ID from the style_guides table (optional)
    """

    document_type: str
    file_paths: list[str]
    connector_data_id: str
    workspace_name: str
    template_id: str
    output_name: str
    selected_section_ids: list[str] | Unset = UNSET
    generic_mrt_outline_full: GenerateDocumentRequestGenericMrtOutlineFull | Unset = UNSET
    document_instructions: None | str | Unset = UNSET
    style_guide_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        document_type = self.document_type

        file_paths = self.file_paths

        connector_data_id = self.connector_data_id

        workspace_name = self.workspace_name

        template_id = self.template_id

        output_name = self.output_name

        selected_section_ids: list[str] | Unset = UNSET
        if not isinstance(self.selected_section_ids, Unset):
            selected_section_ids = self.selected_section_ids

        generic_mrt_outline_full: dict[str, Any] | Unset = UNSET
        if not isinstance(self.generic_mrt_outline_full, Unset):
            generic_mrt_outline_full = self.generic_mrt_outline_full.to_dict()

        document_instructions: None | str | Unset
        if isinstance(self.document_instructions, Unset):
            document_instructions = UNSET
        else:
            document_instructions = self.document_instructions

        style_guide_id: None | str | Unset
        if isinstance(self.style_guide_id, Unset):
            style_guide_id = UNSET
        else:
            style_guide_id = self.style_guide_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_type": document_type,
                "file_paths": file_paths,
                "connector_data_id": connector_data_id,
                "workspace_name": workspace_name,
                "template_id": template_id,
                "output_name": output_name,
            }
        )
        if selected_section_ids is not UNSET:
            field_dict["selected_section_ids"] = selected_section_ids
        if generic_mrt_outline_full is not UNSET:
            field_dict["generic_mrt_outline_full"] = generic_mrt_outline_full
        if document_instructions is not UNSET:
            field_dict["document_instructions"] = document_instructions
        if style_guide_id is not UNSET:
            field_dict["style_guide_id"] = style_guide_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        document_type = src_dict["document_type"]

        file_paths = src_dict["file_paths"]

        connector_data_id = src_dict["connector_data_id"]

        workspace_name = src_dict["workspace_name"]

        template_id = src_dict["template_id"]

        output_name = src_dict["output_name"]

        selected_section_ids = src_dict.get("selected_section_ids", UNSET)

        _generic_mrt_outline_full = src_dict.get("generic_mrt_outline_full", UNSET)
        generic_mrt_outline_full: GenerateDocumentRequestGenericMrtOutlineFull | Unset
        if isinstance(_generic_mrt_outline_full, Unset):
            generic_mrt_outline_full = UNSET
        else:
            generic_mrt_outline_full = GenerateDocumentRequestGenericMrtOutlineFull.from_dict(_generic_mrt_outline_full)

        document_instructions = src_dict.get("document_instructions", UNSET)

        style_guide_id = src_dict.get("style_guide_id", UNSET)

        generate_document_request = cls(
            document_type,
            file_paths,
            connector_data_id,
            workspace_name,
            template_id,
            output_name,
            selected_section_ids,
            generic_mrt_outline_full,
            document_instructions,
            style_guide_id,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            generate_document_request.additional_properties = d
        return generate_document_request

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
        "document_type",
        "file_paths",
        "connector_data_id",
        "workspace_name",
        "template_id",
        "output_name",
        "selected_section_ids",
        "generic_mrt_outline_full",
        "document_instructions",
        "style_guide_id",
    }
)


from ..models.generate_document_request_generic_mrt_outline_full import (
    GenerateDocumentRequestGenericMrtOutlineFull,  # noqa: E402
)
