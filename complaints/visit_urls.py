"""The pages complaints adds beside reception's (under /tiep-cong-dan/): a visit's documents and the reception book
printed on its form, which read the petitions a visit handed on."""

from django.urls import path

from complaints.views import documents, reception_book

app_name = "visit_papers"

urlpatterns = [
    path("luot-tiep/<int:pk>/van-ban/<slug:slug>/", documents.visit_document, name="document"),
    path("luot-tiep/<int:pk>/van-ban/<slug:slug>/tao-lai/", documents.visit_document_again, name="document-again"),
    path("so-tiep-cong-dan/", reception_book.reception_book, name="book"),
]
