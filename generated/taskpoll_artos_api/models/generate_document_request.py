from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    NULL,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_list_of,
    read_model,
    read_plain,
    strict,
)

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
        document_type: Any = UNSET
        if not isinstance(self.document_type, Unset):
            document_type = self.document_type

        file_paths: Any = UNSET
        if not isinstance(self.file_paths, Unset):
            file_paths = self.file_paths

        connector_data_id: Any = UNSET
        if not isinstance(self.connector_data_id, Unset):
            connector_data_id = self.connector_data_id

        workspace_name: Any = UNSET
        if not isinstance(self.workspace_name, Unset):
            workspace_name = self.workspace_name

        template_id: Any = UNSET
        if not isinstance(self.template_id, Unset):
            template_id = self.template_id

        output_name: Any = UNSET
        if not isinstance(self.output_name, Unset):
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
        if document_type is not UNSET:
            field_dict["document_type"] = document_type
        if file_paths is not UNSET:
            field_dict["file_paths"] = file_paths
        if connector_data_id is not UNSET:
            field_dict["connector_data_id"] = connector_data_id
        if workspace_name is not UNSET:
            field_dict["workspace_name"] = workspace_name
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if output_name is not UNSET:
            field_dict["output_name"] = output_name
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], misfits: list[Misfit] | None = None) -> T:
        """The model of a decoded JSON object. Every field holds its declared type: what does not fit is
        left out (UNSET, or a list item dropped) and appended to `misfits` (types.Misfit, with its path); a
        required field that does not fit is UNSET here, and makes a reader of this model as a nested value
        leave it out. Without `misfits`, anything that does not fit raises MisfitError."""
        if misfits is None:
            return strict(cls.from_dict, src_dict)
        if type(src_dict) is not dict:
            src_dict = as_dict(src_dict)
        document_type = src_dict.get("document_type", UNSET)
        if type(document_type) is not str:
            document_type = read_plain(misfits, "document_type", document_type, STRING, True)

        file_paths = src_dict.get("file_paths", UNSET)
        if type(file_paths) is list:
            for file_paths_item in file_paths:
                if type(file_paths_item) is not str:
                    file_paths = read_list_of(misfits, "file_paths", file_paths, STRING, True)
                    break
        else:
            file_paths = read_list_of(misfits, "file_paths", file_paths, STRING, True)

        connector_data_id = src_dict.get("connector_data_id", UNSET)
        if type(connector_data_id) is not str:
            connector_data_id = read_plain(misfits, "connector_data_id", connector_data_id, STRING, True)

        workspace_name = src_dict.get("workspace_name", UNSET)
        if type(workspace_name) is not str:
            workspace_name = read_plain(misfits, "workspace_name", workspace_name, STRING, True)

        template_id = src_dict.get("template_id", UNSET)
        if type(template_id) is not str:
            template_id = read_plain(misfits, "template_id", template_id, STRING, True)

        output_name = src_dict.get("output_name", UNSET)
        if type(output_name) is not str:
            output_name = read_plain(misfits, "output_name", output_name, STRING, True)

        selected_section_ids = src_dict.get("selected_section_ids", UNSET)
        if type(selected_section_ids) is list:
            for selected_section_ids_item in selected_section_ids:
                if type(selected_section_ids_item) is not str:
                    selected_section_ids = read_list_of(
                        misfits, "selected_section_ids", selected_section_ids, STRING, False
                    )
                    break
        elif selected_section_ids is not UNSET:
            selected_section_ids = read_list_of(misfits, "selected_section_ids", selected_section_ids, STRING, False)

        generic_mrt_outline_full = src_dict.get("generic_mrt_outline_full", UNSET)
        if generic_mrt_outline_full is not UNSET:
            generic_mrt_outline_full = read_model(
                misfits,
                "generic_mrt_outline_full",
                generic_mrt_outline_full,
                GenerateDocumentRequestGenericMrtOutlineFull.from_dict,
                False,
            )

        document_instructions = src_dict.get("document_instructions", UNSET)
        if (
            type(document_instructions) is not str
            and document_instructions is not UNSET
            and document_instructions is not None
        ):
            document_instructions = read_plain(
                misfits, "document_instructions", document_instructions, (STRING | NULL), False
            )

        style_guide_id = src_dict.get("style_guide_id", UNSET)
        if type(style_guide_id) is not str and style_guide_id is not UNSET and style_guide_id is not None:
            style_guide_id = read_plain(misfits, "style_guide_id", style_guide_id, (STRING | NULL), False)

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

        if len(src_dict) != (document_type is not UNSET) + (file_paths is not UNSET) + (
            connector_data_id is not UNSET
        ) + (workspace_name is not UNSET) + (template_id is not UNSET) + (output_name is not UNSET) + (
            selected_section_ids is not UNSET
        ) + (generic_mrt_outline_full is not UNSET) + (document_instructions is not UNSET) + (
            style_guide_id is not UNSET
        ):
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
