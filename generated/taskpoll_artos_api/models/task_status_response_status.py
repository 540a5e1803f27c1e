from enum import StrEnum


class TaskStatusResponseStatus(StrEnum):
    FAILED = "Failed"
    GENERATING = "Generating"
    INGESTING = "Ingesting"
    PENDING = "Pending"
    READY = "Ready"

    def __str__(self) -> str:
        return str(self.value)
