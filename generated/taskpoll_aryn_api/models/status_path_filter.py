from enum import StrEnum


class StatusPathFilter(StrEnum):
    VALUE_0 = "^/v1/document/partition$"

    def __str__(self) -> str:
        return str(self.value)
