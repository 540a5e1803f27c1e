"""The generated models' `additional_properties`: made on first use, still each instance's own dict.

`from_dict` sets the attribute only when the input has keys the model does not declare
(`types.lazy_additional_properties`, from scripts/templates/); everything a caller can observe stays as
upstream's `factory=dict` made it: a dict per instance, mutable in place or through `model[key]`,
compared by `==`, shown by `repr`, kept by pickle and copy.
"""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest
from taskpoll_aryn_api.models import Element, ElementProperties, PartitionerResponse, TaskListTasks
from taskpoll_aryn_api.models.task_list_entry import TaskListEntry
from taskpoll_aryn_api.types import UNSET, BorrowedInput, Misfit, MisfitError
from taskpoll_unsiloed_api.models.bounding_box import BoundingBox
from taskpoll_unsiloed_api.models.ocr_result import OCRResult
from taskpoll_unsiloed_api.types import MisfitError as UnsiloedMisfitError

ELEMENT = {"type": "Text", "bbox": [0.1, 0.2, 0.3, 0.4], "properties": {"score": 0.5, "page_number": 1}}


def test_an_instance_without_unknown_keys_gets_its_own_empty_dict_on_first_use() -> None:
    first, second = Element.from_dict(ELEMENT), Element.from_dict(ELEMENT)
    assert first.additional_properties == {} and first.additional_keys == []
    first.additional_properties["note"] = 1
    assert first.additional_properties is first.additional_properties
    assert first["note"] == 1 and "note" in first
    assert second.additional_properties == {} and "note" not in second
    second["other"] = 2
    assert first.additional_properties == {"note": 1} and second.additional_properties == {"other": 2}
    assert first.to_dict() == {**ELEMENT, "note": 1}
    del first["note"]
    assert first.to_dict() == ELEMENT


def test_unknown_keys_are_kept_and_known_ones_are_not_duplicated() -> None:
    element = Element.from_dict({**ELEMENT, "future_field": [1, 2]})
    assert element.additional_properties == {"future_field": [1, 2]}
    assert element.to_dict() == {**ELEMENT, "future_field": [1, 2]}
    properties = element.properties
    assert isinstance(properties, ElementProperties)
    assert properties.additional_properties == ELEMENT["properties"]
    # the model's dict is a copy: changing it leaves the input alone, and the other way round
    properties["score"] = 0.9
    assert ELEMENT["properties"] == {"score": 0.5, "page_number": 1}


def test_an_empty_input_and_a_constructed_instance_have_an_empty_dict() -> None:
    assert ElementProperties.from_dict({}).additional_properties == {}
    built = ElementProperties()
    assert built.to_dict() == {} and built.additional_properties == {}
    built["k"] = "v"
    assert ElementProperties().additional_properties == {}
    assert built.to_dict() == {"k": "v"}
    with pytest.raises(TypeError):
        ElementProperties.from_dict(5)  # type: ignore[arg-type]  # bad input still raises as before


def test_equality_and_repr_do_not_depend_on_whether_the_dict_was_made_yet() -> None:
    untouched, touched = Element.from_dict(ELEMENT), Element.from_dict(ELEMENT)
    assert touched.additional_properties == {}
    assert untouched == touched and touched == untouched
    assert repr(Element.from_dict(ELEMENT)).endswith("additional_properties={})")
    assert Element.from_dict({**ELEMENT, "x": 1}) != untouched
    untouched["x"] = 1
    assert Element.from_dict({**ELEMENT, "x": 1}) == untouched
    assert attrs.asdict(untouched)["additional_properties"] == {"x": 1}


def test_pickle_copy_and_evolve_keep_what_upstream_kept() -> None:
    plain, extra = Element.from_dict(ELEMENT), Element.from_dict({**ELEMENT, "x": 1})
    for model in (plain, extra):
        assert pickle.loads(pickle.dumps(model)).to_dict() == model.to_dict()
        assert copy.copy(model) == model
    assert copy.copy(extra).additional_properties is extra.additional_properties  # shallow, as before
    evolved = attrs.evolve(extra, type_="Title")
    assert evolved.type_ == "Title" and evolved.additional_properties == {}  # init=False: not carried over


def test_typed_additional_properties_are_still_parsed_into_models() -> None:
    tasks = TaskListTasks.from_dict({"t1": {"task_status": "pending"}})
    assert isinstance(tasks["t1"], TaskListEntry)
    assert TaskListTasks.from_dict({}).additional_properties == {}


def test_unsiloed_ocr_words_without_unknown_keys() -> None:
    word = {"bbox": {"left": 1.0, "top": 2.0, "width": 3.0, "height": 4.0}, "text": "w", "confidence": 0.9}
    parsed = OCRResult.from_dict(word)
    assert parsed.additional_properties == {} and parsed.bbox.additional_properties == {}
    assert parsed.to_dict() == word


@pytest.mark.parametrize(
    "body",
    [
        {**ELEMENT, "x": 1},  # optional keys absent, one unknown
        {**ELEMENT, "text_representation": "t", "table": None, "binary_representation": None, "x": 1},
        {**ELEMENT, "text_representation": UNSET, "x": 1},  # a key holding UNSET (a Python caller) counts as absent
        {"x": 1, **ELEMENT, "table": {"cells": []}},  # a parsed union member, the unknown key first
    ],
)
def test_from_dict_finds_every_unknown_key_whatever_optional_keys_are_there(body: dict[str, object]) -> None:
    assert Element.from_dict(body).additional_properties == {"x": 1}


def test_unknown_keys_next_to_an_optional_enum_are_kept() -> None:
    # TaskListEntry's optional task_status is built by an enum template: that model keeps the keys-view check
    entry = TaskListEntry.from_dict({"task_status": "pending", "extra": 1})
    assert entry.additional_properties == {"extra": 1}
    assert TaskListEntry.from_dict({"extra": 1}).additional_properties == {"extra": 1}
    assert TaskListEntry.from_dict({"task_status": "pending"}).additional_properties == {}


# A model that declares no properties (ElementProperties, ElementTableType0, ...) borrows its input dict:
# from_dict keeps a reference, and the first read of additional_properties copies it. What a caller sees
# stays as it was: the model's own dict, and nothing written through the model reaches the input.


def properties_input() -> dict[str, object]:
    return {"score": 0.5, "page_number": 1, "nested": {"a": [1]}}


def test_a_borrowing_model_gets_its_own_dict_on_first_read() -> None:
    source = properties_input()
    properties = ElementProperties.from_dict(source)
    assert isinstance(properties, BorrowedInput)
    own = properties.additional_properties
    assert own == source and own is not source and properties.additional_properties is own
    assert properties.additional_keys == ["score", "page_number", "nested"] and "score" in properties
    assert properties.to_dict() == source and properties.to_dict() is not source
    assert own["nested"] is source["nested"]  # a shallow copy, as from_dict made before


@pytest.mark.parametrize(
    "write",
    [
        lambda p: p.__setitem__("score", 0.9),
        lambda p: p.__setitem__("new", 1),
        lambda p: p.__delitem__("page_number"),
        lambda p: p.additional_properties.__setitem__("score", 0.9),
        lambda p: p.additional_properties.clear(),
        lambda p: p.additional_properties.update(new=1),
        lambda p: p.additional_properties.pop("score"),
        lambda p: setattr(p, "additional_properties", {"replaced": True}),
    ],
    ids=["setitem", "add", "delitem", "dict-setitem", "clear", "update", "pop", "assign"],
)
def test_a_write_through_the_model_never_reaches_its_input(write: object) -> None:
    source = properties_input()
    properties = ElementProperties.from_dict(source)
    write(properties)  # type: ignore[operator]
    assert source == properties_input()
    assert properties.additional_properties != properties_input()


def test_replacing_or_deleting_the_dict_of_an_untouched_borrowing_model() -> None:
    source = properties_input()
    replaced = ElementProperties.from_dict(source)
    replaced.additional_properties = {"x": 1}
    assert replaced.additional_properties == {"x": 1} and replaced.to_dict() == {"x": 1}
    deleted = ElementProperties.from_dict(source)
    del deleted.additional_properties  # drops the borrowed input: the next read is an empty dict
    assert deleted.additional_properties == {} and source == properties_input()
    with pytest.raises(AttributeError):
        del ElementProperties().additional_properties  # nothing to delete, as before


def test_a_borrowing_model_compares_prints_pickles_and_copies_as_before() -> None:
    source = properties_input()
    untouched, touched = ElementProperties.from_dict(source), ElementProperties.from_dict(source)
    assert touched.additional_properties == source
    assert untouched == touched and touched == untouched
    assert ElementProperties.from_dict(source) != ElementProperties.from_dict({"score": 0.5})
    assert repr(ElementProperties.from_dict(source)) == f"ElementProperties(additional_properties={source!r})"
    assert attrs.asdict(ElementProperties.from_dict(source)) == {"additional_properties": source}
    assert [f.name for f in attrs.fields(ElementProperties)] == ["additional_properties"]  # _input is no field
    restored = pickle.loads(pickle.dumps(ElementProperties.from_dict(source)))
    assert restored == touched and restored.additional_properties is not source
    original = ElementProperties.from_dict(source)
    shallow = copy.copy(original)
    assert shallow == original and shallow.additional_properties is original.additional_properties
    shallow["score"] = 0.9
    assert source == properties_input()
    deep = copy.deepcopy(ElementProperties.from_dict(source))
    deep.additional_properties["nested"]["a"].append(2)  # type: ignore[index]
    assert source == properties_input()
    assert attrs.evolve(ElementProperties.from_dict(source)).additional_properties == {}  # init=False


def test_a_non_dict_input_is_copied_at_once_and_bad_input_still_raises() -> None:
    class Mapping(dict[str, object]):  # a dict subclass could change under the model: copied eagerly
        pass

    source = Mapping(score=0.5)
    properties = ElementProperties.from_dict(source)
    source["score"] = 0.9
    assert properties.additional_properties == {"score": 0.5} and type(properties.additional_properties) is dict
    with pytest.raises(TypeError):
        ElementProperties.from_dict([1, 2])  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ElementProperties.from_dict(["ab", "c"])  # type: ignore[arg-type]


def test_writes_through_a_parsed_result_leave_the_decoded_body_untouched() -> None:
    body = {
        "status": ["ok"],
        "status_code": 200,
        "elements": [
            {"type": "Text", "bbox": [0, 0, 1, 1], "properties": {"page_number": 1}},
            {"type": "table", "bbox": [0, 0, 1, 1], "properties": {}, "table": {"cells": [{"content": "x"}]}},
        ],
    }
    sent = copy.deepcopy(body)
    result = PartitionerResponse.from_dict(body)
    text, table = result.elements
    text.properties["page_number"] = 2
    text.properties["extra"] = True
    table.properties["page_number"] = 1
    assert table.table is not None and not isinstance(table.table, type(UNSET))
    table.table["cells"] = []
    del table.table["cells"]
    assert body == sent


# A required property whose model borrows its input (Element.properties) is built on its first read: from_dict
# keeps the property's dict (types.DeferredField), and every read, ==, repr, asdict, pickle, copy and evolve
# see the built model.


def test_a_deferred_property_is_built_on_first_read_and_kept() -> None:
    source = {**ELEMENT, "properties": properties_input()}
    element = Element.from_dict(source)
    properties = element.properties
    assert type(properties) is ElementProperties and element.properties is properties
    assert properties.additional_properties == properties_input()
    assert element == Element("Text", [0.1, 0.2, 0.3, 0.4], ElementProperties.from_dict(properties_input()))
    assert element.to_dict() == source
    element.properties["score"] = 0.9
    del element.properties["page_number"]
    assert source == {**ELEMENT, "properties": properties_input()}


def test_an_untouched_deferred_property_compares_prints_pickles_and_copies_as_built() -> None:
    built = Element("Text", [0.1, 0.2, 0.3, 0.4], ElementProperties.from_dict(ELEMENT["properties"]))
    assert Element.from_dict(ELEMENT) == built and built == Element.from_dict(ELEMENT)
    assert repr(Element.from_dict(ELEMENT)) == repr(built) and "DEFERRED" not in repr(Element.from_dict(ELEMENT))
    assert attrs.asdict(Element.from_dict(ELEMENT)) == attrs.asdict(built)
    assert attrs.asdict(Element.from_dict(ELEMENT), recurse=False)["properties"] == built.properties
    assert [f.name for f in attrs.fields(Element)] == [f.name for f in attrs.fields(type(built))]
    assert "_deferred" not in attrs.fields_dict(Element)
    for make in (pickle.loads, copy.copy, copy.deepcopy):
        argument = pickle.dumps(Element.from_dict(ELEMENT)) if make is pickle.loads else Element.from_dict(ELEMENT)
        copied = make(argument)  # type: ignore[operator]
        # (a pickled or deep-copied UNSET is another Unset instance, as before: compare what to_dict gives)
        assert copied.to_dict() == built.to_dict() and copied.properties == built.properties
        assert type(copied.properties) is ElementProperties
    original = Element.from_dict(ELEMENT)
    assert copy.copy(original).properties is original.properties  # shallow, as for a built one
    evolved = attrs.evolve(Element.from_dict(ELEMENT), type_="Title")
    assert evolved.type_ == "Title" and evolved.properties == built.properties


def test_assigning_a_deferred_property_before_reading_it() -> None:
    element = Element.from_dict(ELEMENT)
    replacement = ElementProperties.from_dict({"other": 1})
    element.properties = replacement
    assert element.properties is replacement and element.to_dict()["properties"] == {"other": 1}


def test_a_property_input_that_is_no_object_is_a_misfit_not_a_deferred_model() -> None:
    misfits: list[Misfit] = []
    Element.from_dict({**ELEMENT, "properties": [("page_number", 2)]}, misfits)
    assert [m.describe("element") for m in misfits] == [
        "element.properties: an array, not an object, though required (left out)"
    ]
    with pytest.raises(MisfitError, match="properties: an integer, not an object"):
        Element.from_dict({**ELEMENT, "properties": 5})
    with pytest.raises(MisfitError, match="properties: missing"):
        Element.from_dict({"type": "Text", "bbox": []})


def test_a_deferred_model_with_required_keys_is_built_on_first_read() -> None:
    # OCRResult.bbox: BoundingBox's four required numbers are read as they are, so from_dict checks the keys
    # are there, keeps the dict, and the first read builds the model.
    box = {"left": 1.0, "top": 2.0, "width": 3.0, "height": 4.0}
    word = {"bbox": {**box, "rotation": 90}, "text": "w", "confidence": 0.9}
    parsed = OCRResult.from_dict(word)
    built = OCRResult(bbox=BoundingBox(left=1.0, top=2.0, width=3.0, height=4.0), text="w", confidence=0.9)
    built.bbox["rotation"] = 90
    assert parsed == built and built == OCRResult.from_dict(word)
    bbox = parsed.bbox
    assert type(bbox) is BoundingBox and parsed.bbox is bbox
    assert (bbox.left, bbox.top, bbox.width, bbox.height) == (1.0, 2.0, 3.0, 4.0)
    assert bbox.additional_properties == {"rotation": 90} and parsed.to_dict() == word
    assert OCRResult.from_dict(word) == parsed and repr(OCRResult.from_dict(word)) == repr(parsed)
    bbox.left = 9.0
    bbox["rotation"] = 0
    assert word["bbox"] == {**box, "rotation": 90}


@pytest.mark.parametrize(
    ("bbox", "error"),
    [
        ({"left": 1.0, "top": 2.0, "width": 3.0}, UnsiloedMisfitError),  # a required key missing
        ({"left": 1.0, "top": 2.0, "width": 3.0, "height": "4"}, UnsiloedMisfitError),  # a number as text
        (5, TypeError),
        (None, TypeError),
    ],
)
def test_a_deferred_model_that_does_not_fit_still_raises_in_from_dict(bbox: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        OCRResult.from_dict({"bbox": bbox, "text": "w"})
