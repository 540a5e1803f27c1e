from enum import StrEnum


class TaskListStatus(StrEnum):
    ABORT = "abort"
    CANCEL = "cancel"
    CANCELLED = "cancelled"
    DONE = "done"
    PENDING = "pending"
    QUEUE = "queue"
    QUEUED = "queued"
    RUN = "run"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
