from django.urls import path

from complaints.views import (
    cases,
    clock,
    corrections,
    documents,
    exports,
    handover,
    petitions,
    templates,
    vault,
    workflow,
)

app_name = "complaints"

urlpatterns = [
    path("", petitions.petition_list, name="petition-list"),
    path("don/moi/", petitions.petition_create, name="petition-create"),
    path("don/moi/canh-bao/", petitions.petition_warnings, name="petition-warnings"),
    path("don/xuat-excel/", exports.petition_export, name="petition-export"),
    path("don/<int:pk>/", petitions.petition_detail, name="petition-detail"),
    path("don/<int:pk>/xu-ly/", petitions.petition_handle, name="petition-handle"),
    path("don/<int:pk>/thu-ly/", petitions.petition_decide, name="petition-decide"),
    path("don/<int:pk>/phuc-dap/", petitions.petition_reply, name="petition-reply"),
    path("don/<int:pk>/thong-bao-ket-qua/", petitions.petition_notify, name="petition-notify"),
    path("don/<int:pk>/sua/", corrections.petition_correct, name="petition-correct"),
    path("don/<int:pk>/trung/", petitions.petition_duplicate, name="petition-duplicate"),
    path("don/<int:pk>/nguoi-to-cao/", vault.reveal, name="denouncer-reveal"),
    path("don/<int:pk>/van-ban/<slug:slug>/", documents.petition_document, name="petition-document"),
    path(
        "don/<int:pk>/van-ban/<slug:slug>/tao-lai/", documents.petition_document_again, name="petition-document-again"
    ),
    path("vu-viec/", cases.case_list, name="case-list"),
    path("vu-viec/<int:pk>/", cases.case_detail, name="case-detail"),
    path("vu-viec/<int:pk>/gia-han/", cases.case_extend, name="case-extend"),
    path("vu-viec/<int:pk>/tam-dinh-chi/", cases.case_suspend, name="case-suspend"),
    path("vu-viec/<int:pk>/tam-dinh-chi/gui/", cases.case_suspension_sent, name="case-suspension-sent"),
    path("vu-viec/<int:pk>/tiep-tuc/", cases.case_resume, name="case-resume"),
    path("vu-viec/<int:pk>/xac-minh/", cases.case_verify, name="case-verify"),
    path("vu-viec/<int:pk>/xac-minh/bao-cao/", cases.case_verification_report, name="case-verification-report"),
    path("vu-viec/<int:pk>/doi-thoai/", cases.case_dialogue, name="case-dialogue"),
    path("vu-viec/<int:pk>/giai-quyet/", cases.case_decide, name="case-decide"),
    path("vu-viec/<int:pk>/cong-khai/", cases.case_publish, name="case-publish"),
    path("vu-viec/<int:pk>/thi-hanh/", cases.case_enforce, name="case-enforce"),
    path("vu-viec/<int:pk>/phuc-tap/", cases.case_hotspot, name="case-hotspot"),
    path("vu-viec/<int:pk>/phuc-tap/hoan-thanh/", cases.case_hotspot_done, name="case-hotspot-done"),
    path("vu-viec/<int:pk>/sua/<slug:step>/<int:item>/", corrections.step_correct, name="step-correct"),
    path("vu-viec/<int:pk>/van-ban/<slug:slug>/", documents.case_document, name="case-document"),
    path("vu-viec/<int:pk>/van-ban/<slug:slug>/tao-lai/", documents.case_document_again, name="case-document-again"),
    path("tinh-thoi-han/", clock.clock, name="clock"),
    path("ban-giao/", handover.hand_over_page, name="hand-over"),
]

urlpatterns += [
    path("viec-can-lam/", workflow.queue, name="queue"),
    path("don/<int:pk>/giao-viec/", workflow.petition_assign, name="petition-assign"),
    path("don/<int:pk>/trinh-duyet/", petitions.petition_propose, name="petition-propose"),
    path("vu-viec/<int:pk>/giao-viec/", workflow.case_assign, name="case-assign"),
    path("vu-viec/<int:pk>/trinh-duyet/", workflow.case_propose, name="case-propose"),
    path("trinh-duyet/<int:pk>/duyet/", workflow.proposal_review, name="proposal-review"),
]

# The templates of the documents, for unit admins (version 0: the portal's own).
_TEMPLATE = "mau-van-ban/<int:agency_pk>/<slug:slug>/"
urlpatterns += [
    path("mau-van-ban/", templates.template_list, name="template-list"),
    path(_TEMPLATE, templates.template_detail, name="template-detail"),
    path(f"{_TEMPLATE}<int:version>/tai-ve/", templates.template_download, name="template-download"),
    path(f"{_TEMPLATE}<int:version>/xem-thu/", templates.template_preview, name="template-preview"),
    path(f"{_TEMPLATE}<int:version>/ap-dung/", templates.template_publish, name="template-publish"),
    path(f"{_TEMPLATE}<int:version>/khoi-phuc/", templates.template_restore, name="template-restore"),
]
