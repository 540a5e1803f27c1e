from enum import StrEnum


class AsyncTaskState(StrEnum):
    COMPLETE = "COMPLETE"
    IN_PROGRESS = "IN_PROGRESS"
    PENDING = "PENDING"
    UNKNOWN_STATE = "UNKNOWN_STATE"

    def __str__(self) -> str:
        return str(self.value)
