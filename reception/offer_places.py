"""The places on reception's pages where apps above it offer links (danvan.offers): a visit's page (its documents)
and the visit list (the book printed on its form)."""

VISIT_PAGE = "reception.visit"
VISIT_LIST = "reception.visit-list"
