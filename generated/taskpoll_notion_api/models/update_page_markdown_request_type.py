from enum import StrEnum


class UpdatePageMarkdownRequestType(StrEnum):
    INSERT_CONTENT = "insert_content"
    REPLACE_CONTENT = "replace_content"
    REPLACE_CONTENT_RANGE = "replace_content_range"
    UPDATE_CONTENT = "update_content"

    def __str__(self) -> str:
        return str(self.value)
