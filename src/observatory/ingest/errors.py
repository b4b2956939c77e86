"""The one error an ingestion raises for bad input: its message is shown to the user as is."""


class IngestError(Exception):
    """A file that cannot be read, with a message that says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
