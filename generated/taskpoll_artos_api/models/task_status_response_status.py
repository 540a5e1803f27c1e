from enum import StrEnum


class TaskStatusResponseStatus(StrEnum):
    COMPLETE = "Complete"
    FAILED = "Failed"
    GENERATING = "Generating"
    INGESTING = "Ingesting"
    PENDING = "Pending"
    READY = "Ready"

    def __str__(self) -> str:
        return str(self.value)
