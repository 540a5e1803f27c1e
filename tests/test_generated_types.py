"""Types truly: every field of a generated model holds its declared type, or is left out and named.

`Model.from_dict(data, misfits)` (scripts/templates/) checks each value as it reads it. What does not fit
is left out where it sits (an optional field is UNSET, a list item is dropped, a nested object without
a required field is left out as a whole up to the nearest optional field or list item) and appended to
`misfits` with its JSON path; only the model from_dict is called on keeps an UNSET required field.
Without a list, anything that does not fit raises MisfitError. These tests read the five providers'
own models, one kind of value at a time, and check the result with an independent walker.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from taskpoll_artos_api.models import TaskStatusResponse, TaskStatusResponseStatus
from taskpoll_aryn_api.models import Element, PartitionerResponse, TaskListTasks
from taskpoll_aryn_api.models.task_list_entry import TaskListEntry
from taskpoll_aryn_api.types import UNSET, Misfit, MisfitError
from taskpoll_notion_api.models import AsyncTaskSucceeded
from taskpoll_unsiloed_api.models import ParseGetResponse, Segment, SegmentType
from taskpoll_veza_api.models import AsyncTask, AsyncTaskState

from .declared_types import check_result, wrong_fields

ELEMENT = {"type": "Text", "bbox": [0.1, 0.2, 0.3, 0.4], "properties": {"page_number": 1}}
SEGMENT = {"page_height": 842.0, "page_width": 595.0, "page_number": 1, "segment_id": "s1", "segment_type": "Text"}
NOTION = {
    "object": "async_task",
    "id": "task_1",
    "status_url": "https://api.notion.com/v1/async_tasks/task_1",
    "created_time": "2026-06-29T12:00:00.000Z",
    "operation": {"name": "POST /v1/pages"},
    "status": "succeeded",
    "result": {"object": "page", "id": "p1"},
}


def unset(value: object) -> bool:
    return type(value).__name__ == "Unset"  # (each generated package has its own UNSET)


def read(model: Any, data: Any) -> tuple[Any, list[str]]:
    misfits: list[Misfit] = []
    built = model.from_dict(data, misfits)
    return built, [found.describe("result") for found in misfits]


# The issue's body and plain values ------------------------------------------------------------------


def test_a_string_where_a_list_of_strings_is_declared_is_left_out_and_named() -> None:
    result, issues = read(PartitionerResponse, {"status": "Paused", "task_id": "t", "state": "PAUSED", "job_id": "t"})
    assert result.status is UNSET  # not "Paused": the field is typed list[str]
    assert issues == ["result.status: a string, not an array, though required (left out)"]
    assert result.additional_properties == {"task_id": "t", "state": "PAUSED", "job_id": "t"}
    assert wrong_fields(result) == [("result.status", True)]


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("status_code", "200", "a string, not an integer"),
        ("status_code", True, "a boolean, not an integer"),
        ("status_code", 2.5, "a number, not an integer"),
        ("error", 5, "an integer, not a string or null"),
        ("error", ["x"], "an array, not a string or null"),
        ("html", {}, "an object, not a string or null"),
        ("markdown", 3, "an integer, not a string, an array or null"),
        ("elements", {"type": "Text"}, "an object, not an array or null"),
        ("properties", "x", "a string, not an object or null"),
    ],
)
def test_an_optional_value_of_another_type_is_unset_and_named(field: str, value: object, problem: str) -> None:
    result, issues = read(PartitionerResponse, {"status": ["ok"], field: value})
    assert getattr(result, field) is UNSET and result.status == ["ok"]
    assert issues == [f"result.{field}: {problem} (left out)"]
    check_result(result, tuple(issues))


def test_near_values_are_read_as_their_declared_type() -> None:
    class Text(str):
        pass

    result, issues = read(PartitionerResponse, {"status": [Text("ok")], "status_code": 200.0, "error": None})
    assert issues == [] and result.status_code == 200 and type(result.status_code) is int  # JSON Schema: 200.0 is one
    assert result.error is None  # nullable: null is a value
    element, issues = read(Element, {**ELEMENT, "bbox": [1, 2, 3.5, 4]})  # integers are numbers
    assert issues == [] and element.bbox == [1, 2, 3.5, 4]


def test_a_list_that_fits_is_the_decoded_list_itself_and_items_that_do_not_are_dropped() -> None:
    statuses = ["page 1", "page 2"]
    result, issues = read(PartitionerResponse, {"status": statuses})
    assert result.status is statuses and issues == []
    result, issues = read(PartitionerResponse, {"status": ["page 1", 2, None, "page 3"]})
    assert result.status == ["page 1", "page 3"]
    assert issues == [
        "result.status[1]: an integer, not a string (left out)",
        "result.status[2]: null, not a string (left out)",
    ]


# Nested objects: left out at the nearest optional place ----------------------------------------------


def test_an_element_without_a_required_field_is_dropped_and_the_rest_kept() -> None:
    body = {
        "status": ["ok"],
        "elements": [
            ELEMENT,
            {**ELEMENT, "bbox": "0 0 1 1"},
            7,
            {**ELEMENT, "type": None},
            {**ELEMENT, "bbox": [1, "2"]},
        ],
    }
    result, issues = read(PartitionerResponse, body)
    assert [e.bbox for e in result.elements] == [[0.1, 0.2, 0.3, 0.4], [1]]
    assert issues == [
        "result.elements[1].bbox: a string, not an array (result.elements[1] left out)",
        "result.elements[2]: an integer, not an object (left out)",
        "result.elements[3].type: null, not a string (result.elements[3] left out)",
        "result.elements[4].bbox[1]: a string, not a number (left out)",
    ]
    check_result(result, tuple(issues))


def test_a_nested_object_in_an_optional_field_is_unset_and_its_parent_kept() -> None:
    # Segment.bbox is `BoundingBox | None`: a box without its height leaves the bbox out, not the segment.
    segment, issues = read(Segment, {**SEGMENT, "bbox": {"left": 1, "top": 2, "width": 3}})
    assert unset(segment.bbox) and segment.segment_id == "s1"
    assert issues == ["result.bbox.height: missing (result.bbox left out)"]
    segment, issues = read(Segment, {**SEGMENT, "bbox": None})
    assert segment.bbox is None and issues == []


def test_a_nested_object_in_a_required_field_takes_its_parent_out_with_it() -> None:
    # OCRResult.bbox is required: a word whose box does not fit is dropped from the segment's ocr list.
    word = {"text": "w", "bbox": {"left": 1, "top": 2, "width": 3, "height": 4}}
    odd = {"text": "x", "bbox": {"left": 1, "top": 2, "width": 3, "height": "4"}}
    segment, issues = read(Segment, {**SEGMENT, "ocr": [word, odd]})
    assert [w.text for w in segment.ocr] == ["w"] and segment.ocr[0].bbox.height == 4
    assert issues == ["result.ocr[1].bbox.height: a string, not a number (result.ocr[1] left out)"]


def test_unsiloed_chunks_keep_every_segment_that_fits() -> None:
    body = {
        "job_id": "j",
        "status": "Succeeded",
        "created_at": "2026-01-01T00:00:00Z",
        "metadata": {},
        "chunks": [
            {"chunk_length": 2, "segments": [SEGMENT, {**SEGMENT, "page_number": "1"}]},
            {"chunk_length": "2", "segments": [SEGMENT]},
        ],
    }
    result, issues = read(ParseGetResponse, body)
    assert len(result.chunks) == 1 and [s.segment_id for s in result.chunks[0].segments] == ["s1"]
    assert issues == [
        "result.chunks[0].segments[1].page_number: a string, not an integer (result.chunks[0].segments[1] left out)",
        "result.chunks[1].chunk_length: a string, not an integer (result.chunks[1] left out)",
    ]
    check_result(result, tuple(issues))


# Enums, open enums, consts, dates, typed additional properties ------------------------------------


def test_an_unknown_enum_value_is_unset_and_named_with_its_word() -> None:
    result, issues = read(TaskStatusResponse, {"task_id": "t", "status": "Canceled"})
    assert (
        unset(result.status)
        and result.task_id == "t"
        and issues
        == [
            "result.status: 'Canceled', not one of 'Complete', 'Failed', 'Generating', 'Ingesting', 'Pending', "
            "'Ready', though required (left out)"
        ]
    )
    result, issues = read(TaskStatusResponse, {"task_id": "t", "status": "Ready"})
    assert result.status is TaskStatusResponseStatus.READY and issues == []
    task, issues = read(AsyncTask, {"id": "v", "state": 3})
    assert issues == [
        "result.state: an integer, not one of 'COMPLETE', 'IN_PROGRESS', 'PENDING', 'UNKNOWN_STATE' (left out)"
    ]
    task, issues = read(AsyncTask, {"id": "v", "state": "COMPLETE"})
    assert task.state is AsyncTaskState.COMPLETE


def test_an_open_enum_takes_any_string_and_refuses_anything_else() -> None:
    segment, issues = read(Segment, {**SEGMENT, "segment_type": "List Item"})
    assert segment.segment_type == "List Item" and not isinstance(segment.segment_type, SegmentType) and issues == []
    segment, issues = read(Segment, {**SEGMENT, "segment_type": "Picture"})
    assert segment.segment_type is SegmentType.PICTURE
    segment, issues = read(Segment, {**SEGMENT, "segment_type": 5})
    assert issues == [
        "result.segment_type: an integer, not one of 'Caption', 'Footnote', 'Formula', 'ListItem', 'Page', "
        "'PageFooter', 'PageHeader', 'Picture', ... or a string, though required (left out)"
    ]


def test_consts_and_date_times_are_checked() -> None:
    task, issues = read(AsyncTaskSucceeded, NOTION)
    assert issues == [] and task.created_time == datetime.datetime(2026, 6, 29, 12, tzinfo=datetime.UTC)
    task, issues = read(AsyncTaskSucceeded, {**NOTION, "object": "page", "created_time": "yesterday"})
    assert unset(task.object_) and unset(task.created_time) and task.id == "task_1"
    assert issues == [
        "result.object: a string, not 'async_task', though required (left out)",
        "result.created_time: a string, not an ISO 8601 date-time, though required (left out)",
    ]


def test_typed_additional_properties_keep_the_entries_that_fit() -> None:
    tasks, issues = read(
        TaskListTasks, {"a": {"action": "partition", "task_status": "done"}, "b": 3, "c": {"action": 4}}
    )
    assert set(tasks.additional_properties) == {"a", "c"} and isinstance(tasks["a"], TaskListEntry)
    assert tasks["c"].action is UNSET
    assert issues == [
        "result.b: an integer, not an object (left out)",
        "result.c.action: an integer, not a string (left out)",
    ]


# Without a list: strict; to_dict of a result with a required field left out ---------------------------


def test_from_dict_without_a_list_raises_on_anything_that_does_not_fit() -> None:
    with pytest.raises(MisfitError) as raised:
        PartitionerResponse.from_dict({"status": "Paused"})
    assert isinstance(raised.value, TypeError) and isinstance(raised.value, ValueError)
    assert str(raised.value) == "status: a string, not an array"
    assert [m.path for m in raised.value.misfits] == ["status"]
    with pytest.raises(MisfitError, match="the input: an array, not an object"):
        PartitionerResponse.from_dict([1])  # type: ignore[arg-type]
    assert PartitionerResponse.from_dict({"status": ["ok"]}).status == ["ok"]


def test_a_kept_result_without_a_required_field_writes_what_it_has() -> None:
    result, _ = read(ParseGetResponse, {"job_id": "j", "status": "Succeeded", "created_at": "2026-01-01T00:00:00Z"})
    assert unset(result.metadata)
    assert result.to_dict() == {"job_id": "j", "status": "Succeeded", "created_at": "2026-01-01T00:00:00Z"}


def test_the_walker_the_fuzz_and_corpus_tests_use_catches_what_from_dict_must_not_let_through() -> None:
    # (tests/declared_types.py checks every fuzzed and corpus result; here, that it has teeth)
    wrong = PartitionerResponse(status="Paused")  # type: ignore[arg-type]  # what the old parser built
    assert wrong_fields(wrong) == [("result.status", False)]
    with pytest.raises(AssertionError, match="another type"):
        check_result(wrong, ())
    nested = PartitionerResponse(status=["ok"], elements=[Element(type_="Text", bbox=UNSET, properties=UNSET)])  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match="nested object"):
        check_result(nested, ("result.elements[0].bbox: missing",))
    with pytest.raises(AssertionError, match="not named"):
        check_result(PartitionerResponse(status=UNSET), ())  # type: ignore[arg-type]
    check_result(PartitionerResponse(status=UNSET), ("result.status: missing, though required (left out)",))  # type: ignore[arg-type]
