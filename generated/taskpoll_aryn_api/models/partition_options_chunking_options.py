from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partition_options_chunking_options_strategy import (
    PartitionOptionsChunkingOptionsStrategy,
)
from ..models.partition_options_chunking_options_tokenizer import (
    PartitionOptionsChunkingOptionsTokenizer,
)
from ..types import (
    BOOLEAN,
    INTEGER,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_enum,
    read_model,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.partition_options_chunking_options_tokenizer_options import (
        PartitionOptionsChunkingOptionsTokenizerOptions,
    )


T = TypeVar("T", bound="PartitionOptionsChunkingOptions")


@lazy_additional_properties
@_attrs_define
class PartitionOptionsChunkingOptions:
    """The options for chunking the document. If not specified, then chunking will not be performed.

    Attributes:
        strategy (PartitionOptionsChunkingOptionsStrategy | Unset): The strategy to use for merging chunks. Defaults to
            context_rich.
        tokenizer (PartitionOptionsChunkingOptionsTokenizer | Unset): The tokenizer to use for chunking. Defaults to
            openai_tokenizer.
        tokenizer_options (PartitionOptionsChunkingOptionsTokenizerOptions | Unset): The options for the tokenizer.
        max_tokens (int | Unset): The maximum number of tokens per chunk. Defaults to 512.
        merge_across_pages (bool | Unset): A boolean value indicating whether to merge chunks across pages. Defaults to
            true. Not supported for the 'mixed_multi_column' strategy.
    """

    strategy: PartitionOptionsChunkingOptionsStrategy | Unset = UNSET
    tokenizer: PartitionOptionsChunkingOptionsTokenizer | Unset = UNSET
    tokenizer_options: PartitionOptionsChunkingOptionsTokenizerOptions | Unset = UNSET
    max_tokens: int | Unset = UNSET
    merge_across_pages: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        strategy: str | Unset = UNSET
        if not isinstance(self.strategy, Unset):
            strategy = self.strategy.value

        tokenizer: str | Unset = UNSET
        if not isinstance(self.tokenizer, Unset):
            tokenizer = self.tokenizer.value

        tokenizer_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tokenizer_options, Unset):
            tokenizer_options = self.tokenizer_options.to_dict()

        max_tokens = self.max_tokens

        merge_across_pages = self.merge_across_pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if tokenizer is not UNSET:
            field_dict["tokenizer"] = tokenizer
        if tokenizer_options is not UNSET:
            field_dict["tokenizer_options"] = tokenizer_options
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if merge_across_pages is not UNSET:
            field_dict["merge_across_pages"] = merge_across_pages

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
        strategy = src_dict.get("strategy", UNSET)
        if strategy is not UNSET:
            strategy = read_enum(misfits, "strategy", strategy, PartitionOptionsChunkingOptionsStrategy, False)

        tokenizer = src_dict.get("tokenizer", UNSET)
        if tokenizer is not UNSET:
            tokenizer = read_enum(misfits, "tokenizer", tokenizer, PartitionOptionsChunkingOptionsTokenizer, False)

        tokenizer_options = src_dict.get("tokenizer_options", UNSET)
        if tokenizer_options is not UNSET:
            tokenizer_options = read_model(
                misfits,
                "tokenizer_options",
                tokenizer_options,
                PartitionOptionsChunkingOptionsTokenizerOptions.from_dict,
                False,
            )

        max_tokens = src_dict.get("max_tokens", UNSET)
        if type(max_tokens) is not int and max_tokens is not UNSET:
            max_tokens = read_plain(misfits, "max_tokens", max_tokens, INTEGER, False)

        merge_across_pages = src_dict.get("merge_across_pages", UNSET)
        if type(merge_across_pages) is not bool and merge_across_pages is not UNSET:
            merge_across_pages = read_plain(misfits, "merge_across_pages", merge_across_pages, BOOLEAN, False)

        partition_options_chunking_options = cls(
            strategy,
            tokenizer,
            tokenizer_options,
            max_tokens,
            merge_across_pages,
        )

        if len(src_dict) != (strategy is not UNSET) + (tokenizer is not UNSET) + (tokenizer_options is not UNSET) + (
            max_tokens is not UNSET
        ) + (merge_across_pages is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options_chunking_options.additional_properties = d
        return partition_options_chunking_options

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
        "strategy",
        "tokenizer",
        "tokenizer_options",
        "max_tokens",
        "merge_across_pages",
    }
)


from ..models.partition_options_chunking_options_tokenizer_options import (
    PartitionOptionsChunkingOptionsTokenizerOptions,  # noqa: E402
)
