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
from taskpoll_aryn_api.models import Element, ElementProperties, TaskListTasks
from taskpoll_aryn_api.models.task_list_entry import TaskListEntry
from taskpoll_aryn_api.types import UNSET
from taskpoll_unsiloed_api.models.ocr_result import OCRResult

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
