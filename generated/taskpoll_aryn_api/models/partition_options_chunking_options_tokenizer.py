from enum import StrEnum


class PartitionOptionsChunkingOptionsTokenizer(StrEnum):
    CHARACTER_TOKENIZER = "character_tokenizer"
    HUGGINGFACE_TOKENIZER = "huggingface_tokenizer"
    OPENAI_TOKENIZER = "openai_tokenizer"

    def __str__(self) -> str:
        return str(self.value)
