from django.urls import path

from .views import decisions, proposals

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
    path("phien-hop/<int:pk>/quyet-dinh/", decisions.decision_create, name="decision_create"),
    path("quyet-dinh/<int:pk>/", decisions.decision_detail, name="decision_detail"),
]
