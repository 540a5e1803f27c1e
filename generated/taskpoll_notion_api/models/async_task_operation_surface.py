from enum import StrEnum


class AsyncTaskOperationSurface(StrEnum):
    MCP = "mcp"
    REST = "rest"

    def __str__(self) -> str:
        return str(self.value)
