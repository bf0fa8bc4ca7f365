from django.urls import path

from .views import proposals, typical

app_name = "awards"

urlpatterns = [
    path("phong-trao/<int:pk>/", proposals.campaign_awards, name="campaign_awards"),
    path("dien-hinh/", typical.typical_list, name="typical_list"),
    path("dien-hinh/tao-moi/", typical.typical_create, name="typical_create"),
    path("dien-hinh/<int:pk>/", typical.typical_detail, name="typical_detail"),
    path("dien-hinh/<int:pk>/sua/", typical.typical_edit, name="typical_edit"),
    path("dien-hinh/<int:pk>/ghi-nhan/", typical.typical_note_add, name="typical_note_add"),
    path("dien-hinh/<int:pk>/giai-doan/", typical.typical_stage, name="typical_stage"),
    path("dien-hinh/<int:pk>/cong-bo/<slug:action>/", typical.typical_publication, name="typical_publication"),
    path("dien-hinh/<int:pk>/anh/", typical.typical_photo, name="typical_photo"),
    path("dien-hinh/ghi-nhan/<int:pk>/minh-chung/", typical.typical_evidence, name="typical_evidence"),
    path("vinh-danh/", typical.honour_board, name="honour_board"),
    path("vinh-danh/<int:pk>/", typical.honour_board_detail, name="honour_board_detail"),
    path("vinh-danh/<int:pk>/anh/", typical.honour_board_photo, name="honour_board_photo"),
]
