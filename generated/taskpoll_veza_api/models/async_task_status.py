from enum import StrEnum


class AsyncTaskStatus(StrEnum):
    CANCELED = "CANCELED"
    FAILED = "FAILED"
    SUCCEEDED = "SUCCEEDED"
    UNKNOWN_STATUS = "UNKNOWN_STATUS"

    def __str__(self) -> str:
        return str(self.value)
