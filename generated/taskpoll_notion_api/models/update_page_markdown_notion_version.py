from enum import StrEnum


class UpdatePageMarkdownNotionVersion(StrEnum):
    VALUE_0 = "2026-03-11"

    def __str__(self) -> str:
        return str(self.value)
