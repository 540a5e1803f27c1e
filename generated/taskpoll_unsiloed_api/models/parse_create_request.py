from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import (
    BOOLEAN,
    INTEGER,
    NULL,
    STRING,
    UNSET,
    File,
    FileTypes,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_file,
    read_plain,
    strict,
)

T = TypeVar("T", bound="ParseCreateRequest")


@lazy_additional_properties
@_attrs_define
class ParseCreateRequest:
    """Request body for `POST /parse` (multipart/form-data).

    Provide either `file` (binary upload) or `url` (presigned/public URL) — not both.

        Attributes:
            chunk_processing (None | str | Unset): JSON object for chunk processing configuration.
            detect_checkboxes (bool | None | Unset): Detect checkboxes using Swin Transformer Detection API. Defaults to
                `false`. Default: False.
            error_handling (None | str | Unset): Error handling strategy for non-critical processing errors.
                `Continue` (default) — proceed despite errors (e.g., LLM refusals).
                `Fail` — stop and fail the task on any error. Default: 'Continue'.
            expires_in (int | None | Unset): Seconds until the task and its output are deleted. Defaults to the plan
                expiration time.
            extract_charts (bool | None | Unset): Extract structured data from charts and graphs. Defaults to `false`.
                Default: False.
            extract_colors (bool | None | Unset): Transfer text color from the PDF text layer to OCR results. Defaults to
                `false`. Default: False.
            extract_links (bool | None | Unset): Attach hyperlink URLs from PDF annotations to OCR results. Defaults to
                `false`. Default: False.
            file (File | Unset): Document file to process. Required if `url` is not provided.
                Supported formats: PDF, PNG, JPEG, TIFF, PPT, PPTX, DOC, DOCX, XLS, XLSX.
            keep_segment_types (None | str | Unset): Filter output to include only the specified segment types (comma-
                separated).
                Example: `"table,picture"`. Use `"all"` to include everything. Defaults to `"all"`. Default: 'all'.
            llm_processing (None | str | Unset): JSON object for LLM processing configuration.
            merge_tables (bool | None | Unset): Merge tables that span multiple pages into a single unified structure.
                Defaults to `false`. Default: False.
            ocr_engine (None | str | Unset): OCR engine to use for text recognition.
                `UnsiloedBeta` (default) — PaddleOCR-VL-1.5 via vLLM (handles rotated/warped text).
                `UnsiloedHawk` — Surya OCR (higher accuracy, complex layouts).
                `UnsiloedStorm` — Google Cloud Vision API (enterprise accuracy, 50+ languages). Default: 'UnsiloedBeta'.
            ocr_mode (None | str | Unset): OCR processing mode.
                `auto_ocr` (default) — applies OCR only where needed.
                `force_ocr` — applies OCR to all content regardless of existing text layer. Default: 'auto_ocr'.
            output_fields (None | str | Unset): JSON object controlling which output fields are included in the response.
                Example: `{"html": false, "markdown": true, "ocr": false}`.
                All fields default to `true`.
            page_range (None | str | Unset): Page range to process. Formats: `"1-5"`, `"2,4,6"`, `"[1,3,5]"`. Defaults to
                all pages.
            segment_analysis (None | str | Unset): JSON object controlling HTML/Markdown generation strategy and AI model
                per segment type.
                Example: `{"Table": {"html": "LLM", "markdown": "LLM", "model_id": "us_table_v2"}}`.
            segment_processing (None | str | Unset): Alias for `segment_analysis` (Core Parser name). If both are provided,
                this takes precedence.
            segment_type_naming (None | str | Unset): Segment type naming convention.
                `Unsiloed` (default) — e.g., `PageHeader`, `ListItem`, `Picture`.
                `Other` — alternative names e.g., `Header`, `List Item`, `Figure`. Default: 'Unsiloed'.
            segmentation_method (None | str | Unset): Document segmentation strategy.
                `smart_layout_detection` (default) — detects layout elements (tables, pictures,
                formulas, etc.) using bounding boxes.
                `page_by_page` — treats each page as a single segment; faster for simple documents. Default:
                'smart_layout_detection'.
            url (None | str | Unset): Presigned or public URL of the document to fetch and process.
                Required if `file` is not provided.
            use_high_resolution (bool | None | Unset): Use high-resolution images for cropping and post-processing.
                Latency penalty: ~2–3 s per page. Defaults to `true`. Default: True.
            validate_segments (None | str | Unset): JSON array string of segment types to validate with VLM.
                Example: `["Table", "Formula", "Picture"]`. Defaults to `[]`.
            validate_table_segments (bool | None | Unset): Legacy: validate table segment classifications using VLM.
                Prefer `validate_segments: ["Table"]` instead. Defaults to `false`. Default: False.
            xml_citation (bool | None | Unset): Extract and hyperlink bibliography citations in the markdown output. PDFs
                only.
                Defaults to `false`. Default: False.
    """

    chunk_processing: None | str | Unset = UNSET
    detect_checkboxes: bool | None | Unset = False
    error_handling: None | str | Unset = "Continue"
    expires_in: int | None | Unset = UNSET
    extract_charts: bool | None | Unset = False
    extract_colors: bool | None | Unset = False
    extract_links: bool | None | Unset = False
    file: File | Unset = UNSET
    keep_segment_types: None | str | Unset = "all"
    llm_processing: None | str | Unset = UNSET
    merge_tables: bool | None | Unset = False
    ocr_engine: None | str | Unset = "UnsiloedBeta"
    ocr_mode: None | str | Unset = "auto_ocr"
    output_fields: None | str | Unset = UNSET
    page_range: None | str | Unset = UNSET
    segment_analysis: None | str | Unset = UNSET
    segment_processing: None | str | Unset = UNSET
    segment_type_naming: None | str | Unset = "Unsiloed"
    segmentation_method: None | str | Unset = "smart_layout_detection"
    url: None | str | Unset = UNSET
    use_high_resolution: bool | None | Unset = True
    validate_segments: None | str | Unset = UNSET
    validate_table_segments: bool | None | Unset = False
    xml_citation: bool | None | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        chunk_processing: None | str | Unset
        if isinstance(self.chunk_processing, Unset):
            chunk_processing = UNSET
        else:
            chunk_processing = self.chunk_processing

        detect_checkboxes: bool | None | Unset
        if isinstance(self.detect_checkboxes, Unset):
            detect_checkboxes = UNSET
        else:
            detect_checkboxes = self.detect_checkboxes

        error_handling: None | str | Unset
        if isinstance(self.error_handling, Unset):
            error_handling = UNSET
        else:
            error_handling = self.error_handling

        expires_in: int | None | Unset
        if isinstance(self.expires_in, Unset):
            expires_in = UNSET
        else:
            expires_in = self.expires_in

        extract_charts: bool | None | Unset
        if isinstance(self.extract_charts, Unset):
            extract_charts = UNSET
        else:
            extract_charts = self.extract_charts

        extract_colors: bool | None | Unset
        if isinstance(self.extract_colors, Unset):
            extract_colors = UNSET
        else:
            extract_colors = self.extract_colors

        extract_links: bool | None | Unset
        if isinstance(self.extract_links, Unset):
            extract_links = UNSET
        else:
            extract_links = self.extract_links

        file: FileTypes | Unset = UNSET
        if not isinstance(self.file, Unset):
            file = self.file.to_tuple()

        keep_segment_types: None | str | Unset
        if isinstance(self.keep_segment_types, Unset):
            keep_segment_types = UNSET
        else:
            keep_segment_types = self.keep_segment_types

        llm_processing: None | str | Unset
        if isinstance(self.llm_processing, Unset):
            llm_processing = UNSET
        else:
            llm_processing = self.llm_processing

        merge_tables: bool | None | Unset
        if isinstance(self.merge_tables, Unset):
            merge_tables = UNSET
        else:
            merge_tables = self.merge_tables

        ocr_engine: None | str | Unset
        if isinstance(self.ocr_engine, Unset):
            ocr_engine = UNSET
        else:
            ocr_engine = self.ocr_engine

        ocr_mode: None | str | Unset
        if isinstance(self.ocr_mode, Unset):
            ocr_mode = UNSET
        else:
            ocr_mode = self.ocr_mode

        output_fields: None | str | Unset
        if isinstance(self.output_fields, Unset):
            output_fields = UNSET
        else:
            output_fields = self.output_fields

        page_range: None | str | Unset
        if isinstance(self.page_range, Unset):
            page_range = UNSET
        else:
            page_range = self.page_range

        segment_analysis: None | str | Unset
        if isinstance(self.segment_analysis, Unset):
            segment_analysis = UNSET
        else:
            segment_analysis = self.segment_analysis

        segment_processing: None | str | Unset
        if isinstance(self.segment_processing, Unset):
            segment_processing = UNSET
        else:
            segment_processing = self.segment_processing

        segment_type_naming: None | str | Unset
        if isinstance(self.segment_type_naming, Unset):
            segment_type_naming = UNSET
        else:
            segment_type_naming = self.segment_type_naming

        segmentation_method: None | str | Unset
        if isinstance(self.segmentation_method, Unset):
            segmentation_method = UNSET
        else:
            segmentation_method = self.segmentation_method

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        use_high_resolution: bool | None | Unset
        if isinstance(self.use_high_resolution, Unset):
            use_high_resolution = UNSET
        else:
            use_high_resolution = self.use_high_resolution

        validate_segments: None | str | Unset
        if isinstance(self.validate_segments, Unset):
            validate_segments = UNSET
        else:
            validate_segments = self.validate_segments

        validate_table_segments: bool | None | Unset
        if isinstance(self.validate_table_segments, Unset):
            validate_table_segments = UNSET
        else:
            validate_table_segments = self.validate_table_segments

        xml_citation: bool | None | Unset
        if isinstance(self.xml_citation, Unset):
            xml_citation = UNSET
        else:
            xml_citation = self.xml_citation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if chunk_processing is not UNSET:
            field_dict["chunk_processing"] = chunk_processing
        if detect_checkboxes is not UNSET:
            field_dict["detect_checkboxes"] = detect_checkboxes
        if error_handling is not UNSET:
            field_dict["error_handling"] = error_handling
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if extract_charts is not UNSET:
            field_dict["extract_charts"] = extract_charts
        if extract_colors is not UNSET:
            field_dict["extract_colors"] = extract_colors
        if extract_links is not UNSET:
            field_dict["extract_links"] = extract_links
        if file is not UNSET:
            field_dict["file"] = file
        if keep_segment_types is not UNSET:
            field_dict["keep_segment_types"] = keep_segment_types
        if llm_processing is not UNSET:
            field_dict["llm_processing"] = llm_processing
        if merge_tables is not UNSET:
            field_dict["merge_tables"] = merge_tables
        if ocr_engine is not UNSET:
            field_dict["ocr_engine"] = ocr_engine
        if ocr_mode is not UNSET:
            field_dict["ocr_mode"] = ocr_mode
        if output_fields is not UNSET:
            field_dict["output_fields"] = output_fields
        if page_range is not UNSET:
            field_dict["page_range"] = page_range
        if segment_analysis is not UNSET:
            field_dict["segment_analysis"] = segment_analysis
        if segment_processing is not UNSET:
            field_dict["segment_processing"] = segment_processing
        if segment_type_naming is not UNSET:
            field_dict["segment_type_naming"] = segment_type_naming
        if segmentation_method is not UNSET:
            field_dict["segmentation_method"] = segmentation_method
        if url is not UNSET:
            field_dict["url"] = url
        if use_high_resolution is not UNSET:
            field_dict["use_high_resolution"] = use_high_resolution
        if validate_segments is not UNSET:
            field_dict["validate_segments"] = validate_segments
        if validate_table_segments is not UNSET:
            field_dict["validate_table_segments"] = validate_table_segments
        if xml_citation is not UNSET:
            field_dict["xml_citation"] = xml_citation

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.chunk_processing, Unset):
            if isinstance(self.chunk_processing, str):
                files.append(("chunk_processing", (None, str(self.chunk_processing).encode(), "text/plain")))
            else:
                files.append(("chunk_processing", (None, str(self.chunk_processing).encode(), "text/plain")))

        if not isinstance(self.detect_checkboxes, Unset):
            if isinstance(self.detect_checkboxes, bool):
                files.append(("detect_checkboxes", (None, str(self.detect_checkboxes).encode(), "text/plain")))
            else:
                files.append(("detect_checkboxes", (None, str(self.detect_checkboxes).encode(), "text/plain")))

        if not isinstance(self.error_handling, Unset):
            if isinstance(self.error_handling, str):
                files.append(("error_handling", (None, str(self.error_handling).encode(), "text/plain")))
            else:
                files.append(("error_handling", (None, str(self.error_handling).encode(), "text/plain")))

        if not isinstance(self.expires_in, Unset):
            if isinstance(self.expires_in, int):
                files.append(("expires_in", (None, str(self.expires_in).encode(), "text/plain")))
            else:
                files.append(("expires_in", (None, str(self.expires_in).encode(), "text/plain")))

        if not isinstance(self.extract_charts, Unset):
            if isinstance(self.extract_charts, bool):
                files.append(("extract_charts", (None, str(self.extract_charts).encode(), "text/plain")))
            else:
                files.append(("extract_charts", (None, str(self.extract_charts).encode(), "text/plain")))

        if not isinstance(self.extract_colors, Unset):
            if isinstance(self.extract_colors, bool):
                files.append(("extract_colors", (None, str(self.extract_colors).encode(), "text/plain")))
            else:
                files.append(("extract_colors", (None, str(self.extract_colors).encode(), "text/plain")))

        if not isinstance(self.extract_links, Unset):
            if isinstance(self.extract_links, bool):
                files.append(("extract_links", (None, str(self.extract_links).encode(), "text/plain")))
            else:
                files.append(("extract_links", (None, str(self.extract_links).encode(), "text/plain")))

        if not isinstance(self.file, Unset):
            files.append(("file", self.file.to_tuple()))

        if not isinstance(self.keep_segment_types, Unset):
            if isinstance(self.keep_segment_types, str):
                files.append(("keep_segment_types", (None, str(self.keep_segment_types).encode(), "text/plain")))
            else:
                files.append(("keep_segment_types", (None, str(self.keep_segment_types).encode(), "text/plain")))

        if not isinstance(self.llm_processing, Unset):
            if isinstance(self.llm_processing, str):
                files.append(("llm_processing", (None, str(self.llm_processing).encode(), "text/plain")))
            else:
                files.append(("llm_processing", (None, str(self.llm_processing).encode(), "text/plain")))

        if not isinstance(self.merge_tables, Unset):
            if isinstance(self.merge_tables, bool):
                files.append(("merge_tables", (None, str(self.merge_tables).encode(), "text/plain")))
            else:
                files.append(("merge_tables", (None, str(self.merge_tables).encode(), "text/plain")))

        if not isinstance(self.ocr_engine, Unset):
            if isinstance(self.ocr_engine, str):
                files.append(("ocr_engine", (None, str(self.ocr_engine).encode(), "text/plain")))
            else:
                files.append(("ocr_engine", (None, str(self.ocr_engine).encode(), "text/plain")))

        if not isinstance(self.ocr_mode, Unset):
            if isinstance(self.ocr_mode, str):
                files.append(("ocr_mode", (None, str(self.ocr_mode).encode(), "text/plain")))
            else:
                files.append(("ocr_mode", (None, str(self.ocr_mode).encode(), "text/plain")))

        if not isinstance(self.output_fields, Unset):
            if isinstance(self.output_fields, str):
                files.append(("output_fields", (None, str(self.output_fields).encode(), "text/plain")))
            else:
                files.append(("output_fields", (None, str(self.output_fields).encode(), "text/plain")))

        if not isinstance(self.page_range, Unset):
            if isinstance(self.page_range, str):
                files.append(("page_range", (None, str(self.page_range).encode(), "text/plain")))
            else:
                files.append(("page_range", (None, str(self.page_range).encode(), "text/plain")))

        if not isinstance(self.segment_analysis, Unset):
            if isinstance(self.segment_analysis, str):
                files.append(("segment_analysis", (None, str(self.segment_analysis).encode(), "text/plain")))
            else:
                files.append(("segment_analysis", (None, str(self.segment_analysis).encode(), "text/plain")))

        if not isinstance(self.segment_processing, Unset):
            if isinstance(self.segment_processing, str):
                files.append(("segment_processing", (None, str(self.segment_processing).encode(), "text/plain")))
            else:
                files.append(("segment_processing", (None, str(self.segment_processing).encode(), "text/plain")))

        if not isinstance(self.segment_type_naming, Unset):
            if isinstance(self.segment_type_naming, str):
                files.append(("segment_type_naming", (None, str(self.segment_type_naming).encode(), "text/plain")))
            else:
                files.append(("segment_type_naming", (None, str(self.segment_type_naming).encode(), "text/plain")))

        if not isinstance(self.segmentation_method, Unset):
            if isinstance(self.segmentation_method, str):
                files.append(("segmentation_method", (None, str(self.segmentation_method).encode(), "text/plain")))
            else:
                files.append(("segmentation_method", (None, str(self.segmentation_method).encode(), "text/plain")))

        if not isinstance(self.url, Unset):
            if isinstance(self.url, str):
                files.append(("url", (None, str(self.url).encode(), "text/plain")))
            else:
                files.append(("url", (None, str(self.url).encode(), "text/plain")))

        if not isinstance(self.use_high_resolution, Unset):
            if isinstance(self.use_high_resolution, bool):
                files.append(("use_high_resolution", (None, str(self.use_high_resolution).encode(), "text/plain")))
            else:
                files.append(("use_high_resolution", (None, str(self.use_high_resolution).encode(), "text/plain")))

        if not isinstance(self.validate_segments, Unset):
            if isinstance(self.validate_segments, str):
                files.append(("validate_segments", (None, str(self.validate_segments).encode(), "text/plain")))
            else:
                files.append(("validate_segments", (None, str(self.validate_segments).encode(), "text/plain")))

        if not isinstance(self.validate_table_segments, Unset):
            if isinstance(self.validate_table_segments, bool):
                files.append(
                    ("validate_table_segments", (None, str(self.validate_table_segments).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("validate_table_segments", (None, str(self.validate_table_segments).encode(), "text/plain"))
                )

        if not isinstance(self.xml_citation, Unset):
            if isinstance(self.xml_citation, bool):
                files.append(("xml_citation", (None, str(self.xml_citation).encode(), "text/plain")))
            else:
                files.append(("xml_citation", (None, str(self.xml_citation).encode(), "text/plain")))

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
        chunk_processing = src_dict.get("chunk_processing", UNSET)
        if type(chunk_processing) is not str and chunk_processing is not UNSET and chunk_processing is not None:
            chunk_processing = read_plain(misfits, "chunk_processing", chunk_processing, (STRING | NULL), False)

        detect_checkboxes = src_dict.get("detect_checkboxes", UNSET)
        if type(detect_checkboxes) is not bool and detect_checkboxes is not UNSET and detect_checkboxes is not None:
            detect_checkboxes = read_plain(misfits, "detect_checkboxes", detect_checkboxes, (BOOLEAN | NULL), False)

        error_handling = src_dict.get("error_handling", UNSET)
        if type(error_handling) is not str and error_handling is not UNSET and error_handling is not None:
            error_handling = read_plain(misfits, "error_handling", error_handling, (STRING | NULL), False)

        expires_in = src_dict.get("expires_in", UNSET)
        if type(expires_in) is not int and expires_in is not UNSET and expires_in is not None:
            expires_in = read_plain(misfits, "expires_in", expires_in, (INTEGER | NULL), False)

        extract_charts = src_dict.get("extract_charts", UNSET)
        if type(extract_charts) is not bool and extract_charts is not UNSET and extract_charts is not None:
            extract_charts = read_plain(misfits, "extract_charts", extract_charts, (BOOLEAN | NULL), False)

        extract_colors = src_dict.get("extract_colors", UNSET)
        if type(extract_colors) is not bool and extract_colors is not UNSET and extract_colors is not None:
            extract_colors = read_plain(misfits, "extract_colors", extract_colors, (BOOLEAN | NULL), False)

        extract_links = src_dict.get("extract_links", UNSET)
        if type(extract_links) is not bool and extract_links is not UNSET and extract_links is not None:
            extract_links = read_plain(misfits, "extract_links", extract_links, (BOOLEAN | NULL), False)

        file = src_dict.get("file", UNSET)
        if file is not UNSET:
            file = read_file(misfits, "file", file, False)

        keep_segment_types = src_dict.get("keep_segment_types", UNSET)
        if type(keep_segment_types) is not str and keep_segment_types is not UNSET and keep_segment_types is not None:
            keep_segment_types = read_plain(misfits, "keep_segment_types", keep_segment_types, (STRING | NULL), False)

        llm_processing = src_dict.get("llm_processing", UNSET)
        if type(llm_processing) is not str and llm_processing is not UNSET and llm_processing is not None:
            llm_processing = read_plain(misfits, "llm_processing", llm_processing, (STRING | NULL), False)

        merge_tables = src_dict.get("merge_tables", UNSET)
        if type(merge_tables) is not bool and merge_tables is not UNSET and merge_tables is not None:
            merge_tables = read_plain(misfits, "merge_tables", merge_tables, (BOOLEAN | NULL), False)

        ocr_engine = src_dict.get("ocr_engine", UNSET)
        if type(ocr_engine) is not str and ocr_engine is not UNSET and ocr_engine is not None:
            ocr_engine = read_plain(misfits, "ocr_engine", ocr_engine, (STRING | NULL), False)

        ocr_mode = src_dict.get("ocr_mode", UNSET)
        if type(ocr_mode) is not str and ocr_mode is not UNSET and ocr_mode is not None:
            ocr_mode = read_plain(misfits, "ocr_mode", ocr_mode, (STRING | NULL), False)

        output_fields = src_dict.get("output_fields", UNSET)
        if type(output_fields) is not str and output_fields is not UNSET and output_fields is not None:
            output_fields = read_plain(misfits, "output_fields", output_fields, (STRING | NULL), False)

        page_range = src_dict.get("page_range", UNSET)
        if type(page_range) is not str and page_range is not UNSET and page_range is not None:
            page_range = read_plain(misfits, "page_range", page_range, (STRING | NULL), False)

        segment_analysis = src_dict.get("segment_analysis", UNSET)
        if type(segment_analysis) is not str and segment_analysis is not UNSET and segment_analysis is not None:
            segment_analysis = read_plain(misfits, "segment_analysis", segment_analysis, (STRING | NULL), False)

        segment_processing = src_dict.get("segment_processing", UNSET)
        if type(segment_processing) is not str and segment_processing is not UNSET and segment_processing is not None:
            segment_processing = read_plain(misfits, "segment_processing", segment_processing, (STRING | NULL), False)

        segment_type_naming = src_dict.get("segment_type_naming", UNSET)
        if (
            type(segment_type_naming) is not str
            and segment_type_naming is not UNSET
            and segment_type_naming is not None
        ):
            segment_type_naming = read_plain(
                misfits, "segment_type_naming", segment_type_naming, (STRING | NULL), False
            )

        segmentation_method = src_dict.get("segmentation_method", UNSET)
        if (
            type(segmentation_method) is not str
            and segmentation_method is not UNSET
            and segmentation_method is not None
        ):
            segmentation_method = read_plain(
                misfits, "segmentation_method", segmentation_method, (STRING | NULL), False
            )

        url = src_dict.get("url", UNSET)
        if type(url) is not str and url is not UNSET and url is not None:
            url = read_plain(misfits, "url", url, (STRING | NULL), False)

        use_high_resolution = src_dict.get("use_high_resolution", UNSET)
        if (
            type(use_high_resolution) is not bool
            and use_high_resolution is not UNSET
            and use_high_resolution is not None
        ):
            use_high_resolution = read_plain(
                misfits, "use_high_resolution", use_high_resolution, (BOOLEAN | NULL), False
            )

        validate_segments = src_dict.get("validate_segments", UNSET)
        if type(validate_segments) is not str and validate_segments is not UNSET and validate_segments is not None:
            validate_segments = read_plain(misfits, "validate_segments", validate_segments, (STRING | NULL), False)

        validate_table_segments = src_dict.get("validate_table_segments", UNSET)
        if (
            type(validate_table_segments) is not bool
            and validate_table_segments is not UNSET
            and validate_table_segments is not None
        ):
            validate_table_segments = read_plain(
                misfits, "validate_table_segments", validate_table_segments, (BOOLEAN | NULL), False
            )

        xml_citation = src_dict.get("xml_citation", UNSET)
        if type(xml_citation) is not bool and xml_citation is not UNSET and xml_citation is not None:
            xml_citation = read_plain(misfits, "xml_citation", xml_citation, (BOOLEAN | NULL), False)

        parse_create_request = cls(
            chunk_processing,
            detect_checkboxes,
            error_handling,
            expires_in,
            extract_charts,
            extract_colors,
            extract_links,
            file,
            keep_segment_types,
            llm_processing,
            merge_tables,
            ocr_engine,
            ocr_mode,
            output_fields,
            page_range,
            segment_analysis,
            segment_processing,
            segment_type_naming,
            segmentation_method,
            url,
            use_high_resolution,
            validate_segments,
            validate_table_segments,
            xml_citation,
        )

        if len(src_dict) != (chunk_processing is not UNSET) + (detect_checkboxes is not UNSET) + (
            error_handling is not UNSET
        ) + (expires_in is not UNSET) + (extract_charts is not UNSET) + (extract_colors is not UNSET) + (
            extract_links is not UNSET
        ) + (file is not UNSET) + (keep_segment_types is not UNSET) + (llm_processing is not UNSET) + (
            merge_tables is not UNSET
        ) + (ocr_engine is not UNSET) + (ocr_mode is not UNSET) + (output_fields is not UNSET) + (
            page_range is not UNSET
        ) + (segment_analysis is not UNSET) + (segment_processing is not UNSET) + (segment_type_naming is not UNSET) + (
            segmentation_method is not UNSET
        ) + (url is not UNSET) + (use_high_resolution is not UNSET) + (validate_segments is not UNSET) + (
            validate_table_segments is not UNSET
        ) + (xml_citation is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            parse_create_request.additional_properties = d
        return parse_create_request

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
        "chunk_processing",
        "detect_checkboxes",
        "error_handling",
        "expires_in",
        "extract_charts",
        "extract_colors",
        "extract_links",
        "file",
        "keep_segment_types",
        "llm_processing",
        "merge_tables",
        "ocr_engine",
        "ocr_mode",
        "output_fields",
        "page_range",
        "segment_analysis",
        "segment_processing",
        "segment_type_naming",
        "segmentation_method",
        "url",
        "use_high_resolution",
        "validate_segments",
        "validate_table_segments",
        "xml_citation",
    }
)
