from django.urls import path

from .views import council, feedback, proposals

app_name = "awards"

urlpatterns = [
    path("phong-trao/<int:pk>/", proposals.campaign_awards, name="campaign_awards"),
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
