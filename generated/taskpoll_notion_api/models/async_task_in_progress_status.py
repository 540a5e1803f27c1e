from enum import StrEnum


class AsyncTaskInProgressStatus(StrEnum):
    QUEUED = "queued"
    RETRYING = "retrying"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
