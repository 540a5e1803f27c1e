from enum import StrEnum


class RetrieveAsyncTaskNotionVersion(StrEnum):
    VALUE_0 = "2026-03-11"

    def __str__(self) -> str:
        return str(self.value)
