from django.urls import path

from .views import council, decisions, feedback, proposals

app_name = "awards"

urlpatterns = [
    path("phong-trao/<int:pk>/", proposals.campaign_awards, name="campaign_awards"),
    path("phong-trao/<int:pk>/ung-vien/<int:award_pk>/", proposals.candidates, name="candidates"),
    path("phong-trao/<int:pk>/de-nghi/tao-moi/", proposals.proposal_open, name="proposal_open"),
    path("phong-trao/<int:pk>/mo-lai-han/", proposals.reopen, name="reopen"),
    path("de-nghi/<int:pk>/", proposals.proposal_detail, name="proposal_detail"),
    path("de-nghi/<int:pk>/sua/", proposals.proposal_edit, name="proposal_edit"),
    path("de-nghi/<int:pk>/doi-tuong/", proposals.nominate, name="nominate"),
    path("de-nghi/<int:pk>/doi-tuong/<int:nomination_pk>/bo/", proposals.nomination_remove, name="nomination_remove"),
    path("de-nghi/<int:pk>/doi-tuong/<int:nomination_pk>/bao-cao/", proposals.report_edit, name="report_edit"),
    path("de-nghi/<int:pk>/tep/", proposals.attachment_upload, name="attachment_upload"),
    path("de-nghi/<int:pk>/tep/<int:attachment_pk>/", proposals.attachment_download, name="attachment_download"),
    path("de-nghi/<int:pk>/tep/<int:attachment_pk>/go/", proposals.attachment_remove, name="attachment_remove"),
    path("de-nghi/<int:pk>/gui/", proposals.proposal_submit, name="proposal_submit"),
    path("de-nghi/<int:pk>/tra-lai/", proposals.proposal_return, name="proposal_return"),
    path("hoi-dong/<int:pk>/quyet-dinh/", decisions.decision_create, name="decision_create"),
    path("quyet-dinh/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path("phong-trao/<int:pk>/hoi-dong/", council.session_list, name="session_list"),
    path("phong-trao/<int:pk>/hoi-dong/them/", council.session_create, name="session_create"),
    path("hoi-dong/<int:pk>/", council.session_detail, name="session_detail"),
    path("hoi-dong/<int:pk>/sua/", council.session_edit, name="session_edit"),
    path("hoi-dong/<int:pk>/danh-sach/", council.session_agenda, name="session_agenda"),
    path("hoi-dong/<int:pk>/bat-dau-bo-phieu/", council.session_open, name="session_open"),
    path("hoi-dong/<int:pk>/bo-phieu/", council.session_vote, name="session_vote"),
    path("hoi-dong/<int:pk>/ket-thuc/", council.session_close, name="session_close"),
    path("hoi-dong/<int:pk>/ket-qua/", council.session_results, name="session_results"),
    path("hoi-dong/noi-dung/<int:pk>/y-kien/", council.session_comment, name="session_comment"),
    path("phong-trao/<int:pk>/cong-khai/", feedback.feedback_publish, name="feedback_publish"),
    path("phong-trao/<int:pk>/cong-khai/danh-sach/", feedback.published_list, name="published_list"),
    path("cong-khai/doi-tuong/<int:pk>/y-kien/", feedback.feedback_create, name="feedback_create"),
]
