"""A request given as a dict names the field that does not fit, for every provider.

`model_of` reads a dict into the provider's generated request model. The generated parser trips over a
value of the wrong type with its own words (`TypeError: 'int' object is not iterable` for Notion's
`{"parent": 1}`); the generated readers now check each value as they read it, and the message names
the field (nested fields and list items included) and what it must be.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import taskpoll.providers
from taskpoll import ConfigurationError
from taskpoll.cli import main
from taskpoll.providers._inputs import model_of
from taskpoll.providers.artos import GenerateDocumentRequest
from taskpoll.providers.aryn import PartitionOptions
from taskpoll.providers.notion import CreatePageRequest, UpdatePageMarkdownRequest
from taskpoll.providers.unsiloed import ParseCreateRequest
from taskpoll.providers.veza import GetAssessmentQuerySpecResultRequest

# Every request model a provider reads from a dict (its submit's `model_of`), with a dict that fits.
REQUESTS: dict[str, list[tuple[type[Any], dict[str, Any]]]] = {
    "aryn": [(PartitionOptions, {})],
    "artos": [
        (
            GenerateDocumentRequest,
            {
                "document_type": "CSR",
                "file_paths": ["a.pdf"],
                "connector_data_id": "k",
                "workspace_name": "w",
                "template_id": "t",
                "output_name": "o",
            },
        )
    ],
    "veza": [(GetAssessmentQuerySpecResultRequest, {"query_type": "SOURCE_TO_DESTINATION"})],
    "unsiloed": [(ParseCreateRequest, {})],
    "notion": [
        (CreatePageRequest, {"parent": {"page_id": "p"}, "markdown": "# x"}),
        (UpdatePageMarkdownRequest, {"type": "insert_content", "insert_content": {"content": "x"}}),
    ],
}
WRONG = [1, 1.5, True, None, "x", [], [1], [{"a": 1}], {}, {"a": 1}]
CASES = [
    pytest.param(model, base, field.name.rstrip("_"), id=f"{model.__name__}.{field.name.rstrip('_')}")
    for models in REQUESTS.values()
    for model, base in models
    for field in attrs.fields(model)
    if field.name != "additional_properties"
]


def test_every_provider_is_covered() -> None:
    assert set(REQUESTS) == set(taskpoll.providers.names())


@pytest.mark.parametrize(("model", "base", "key"), CASES)
def test_a_value_of_the_wrong_type_is_refused_naming_its_field_or_sent_as_given(
    model: type[Any], base: dict[str, Any], key: str
) -> None:
    refused = 0
    for value in WRONG:
        try:
            built = model_of({**base, key: value}, model, "request")
        except ConfigurationError as exc:
            message = str(exc)
            assert message.startswith(f"request.{key}"), (value, message)  # the field, or a field inside it
            assert "Error:" not in message and "iterable" not in message, message  # not the parser's words
            refused += 1
        else:
            assert built.to_dict()[key] == value  # it fits: sent exactly as given
    assert refused > 0  # every field refuses some wrong type


@pytest.mark.parametrize(
    ("model", "data", "message"),
    [
        (CreatePageRequest, {"parent": 1}, "request.parent: an integer, not an object"),
        (CreatePageRequest, {"parent": {}, "children": [1]}, "request.children[0]: an integer, not an object"),
        (CreatePageRequest, {"parent": {}, "children": {}}, "request.children: an object, not an array"),
        (CreatePageRequest, {"markdown": "x"}, "request.parent: missing"),
        (CreatePageRequest, {"parent": {}, "markdwn": "x"}, "does not know: markdwn (did you mean markdown?)"),
        (
            UpdatePageMarkdownRequest,
            {"type": "insert_content", "insert_content": {}},
            "request.insert_content.content: missing",
        ),
        (
            UpdatePageMarkdownRequest,
            {"type": "insert_content", "insert_content": {"content": 5}},
            "request.insert_content.content: an integer, not a string",
        ),
        (PartitionOptions, {"output_format": "markdwn"}, "(did you mean 'markdown'?)"),
        (
            PartitionOptions,
            {"text_mode": "OCR_STANDARD"},
            "request.text_mode: a string, not one of 'inline_fallback_to_ocr', 'ocr_standard'",
        ),
        (PartitionOptions, {"chunking_options": 1}, "request.chunking_options: an integer, not an object"),
        (
            PartitionOptions,
            {"selected_pages": [1, "2"]},
            "request.selected_pages[1]: a string, not an integer or an array",
        ),
    ],
)
def test_the_message_names_the_field_and_what_it_must_be(model: type[Any], data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigurationError) as raised:
        model_of(data, model, "request")
    assert message in str(raised.value)


def test_the_cli_names_notions_parent_and_sends_nothing(
    taskpoll_simulator: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sim = taskpoll_simulator
    monkeypatch.setenv("NOTION_TOKEN", sim.api_key("notion"))
    code = main(["run", "notion", '{"parent": 1}', "--base-url", sim.base_url("notion")])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err == "taskpoll: request.parent: an integer, not an object\n"
    assert sim.requests("notion") == []
