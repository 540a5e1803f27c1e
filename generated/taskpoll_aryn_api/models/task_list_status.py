from enum import StrEnum


class TaskListStatus(StrEnum):
    ABORT = "abort"
    CANCEL = "cancel"
    DONE = "done"
    QUEUE = "queue"
    RUN = "run"

    def __str__(self) -> str:
        return str(self.value)
