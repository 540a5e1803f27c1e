from enum import StrEnum


class PartitionOptionsPropertyExtractionOptionsSchemaItemTypeType(StrEnum):
    ARRAY = "array"
    BOOL = "bool"
    CHOICE = "choice"
    DATE = "date"
    FLOAT = "float"
    INT = "int"
    OBJECT = "object"
    STRING = "string"

    def __str__(self) -> str:
        return str(self.value)
