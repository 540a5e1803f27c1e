from enum import StrEnum


class JobStatus(StrEnum):
    AWAITINGUPLOAD = "AwaitingUpload"
    CANCELLED = "Cancelled"
    FAILED = "Failed"
    PROCESSING = "Processing"
    QUEUED = "Queued"
    STARTING = "Starting"
    SUCCEEDED = "Succeeded"

    def __str__(self) -> str:
        return str(self.value)
