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
from ..types import UNSET, Unset, lazy_additional_properties

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
        field_dict.update({})
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        _strategy = src_dict.get("strategy", UNSET)
        strategy: PartitionOptionsChunkingOptionsStrategy | Unset
        if isinstance(_strategy, Unset):
            strategy = UNSET
        else:
            strategy = PartitionOptionsChunkingOptionsStrategy(_strategy)

        _tokenizer = src_dict.get("tokenizer", UNSET)
        tokenizer: PartitionOptionsChunkingOptionsTokenizer | Unset
        if isinstance(_tokenizer, Unset):
            tokenizer = UNSET
        else:
            tokenizer = PartitionOptionsChunkingOptionsTokenizer(_tokenizer)

        _tokenizer_options = src_dict.get("tokenizer_options", UNSET)
        tokenizer_options: PartitionOptionsChunkingOptionsTokenizerOptions | Unset
        if isinstance(_tokenizer_options, Unset):
            tokenizer_options = UNSET
        else:
            tokenizer_options = PartitionOptionsChunkingOptionsTokenizerOptions.from_dict(_tokenizer_options)

        max_tokens = src_dict.get("max_tokens", UNSET)

        merge_across_pages = src_dict.get("merge_across_pages", UNSET)

        partition_options_chunking_options = cls(
            strategy,
            tokenizer,
            tokenizer_options,
            max_tokens,
            merge_across_pages,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
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
