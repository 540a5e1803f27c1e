from enum import StrEnum


class ErrorCode(StrEnum):
    CONFLICT_ERROR = "conflict_error"
    GATEWAY_TIMEOUT = "gateway_timeout"
    INTERNAL_SERVER_ERROR = "internal_server_error"
    INVALID_BETA = "invalid_beta"
    INVALID_JSON = "invalid_json"
    INVALID_REQUEST = "invalid_request"
    INVALID_REQUEST_URL = "invalid_request_url"
    MISSING_VERSION = "missing_version"
    OBJECT_NOT_FOUND = "object_not_found"
    RATE_LIMITED = "rate_limited"
    RESTRICTED_RESOURCE = "restricted_resource"
    ROW_LIMIT_EXCEEDED = "row_limit_exceeded"
    SERVICE_OVERLOAD = "service_overload"
    SERVICE_UNAVAILABLE = "service_unavailable"
    UNAUTHORIZED = "unauthorized"
    VALIDATION_ERROR = "validation_error"

    def __str__(self) -> str:
        return str(self.value)
