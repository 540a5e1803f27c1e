from enum import StrEnum


class SegmentType(StrEnum):
    CAPTION = "Caption"
    FOOTNOTE = "Footnote"
    FORMULA = "Formula"
    LISTITEM = "ListItem"
    PAGE = "Page"
    PAGEFOOTER = "PageFooter"
    PAGEHEADER = "PageHeader"
    PICTURE = "Picture"
    SECTIONHEADER = "SectionHeader"
    TABLE = "Table"
    TEXT = "Text"
    TITLE = "Title"

    def __str__(self) -> str:
        return str(self.value)
