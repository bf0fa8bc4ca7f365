from django.contrib.auth import views as auth_views
from django.urls import path

from .views import account, imports, notifications, org, register, reorganisation

app_name = "emulation"

urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="registration/login.html"), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("don-vi/", org.unit_list, name="unit_list"),
    path("don-vi/tao-moi/", org.unit_create, name="unit_create"),
    path("don-vi/sap-xep/", reorganisation.reorganisation_list, name="reorganisation_list"),
    path("don-vi/sap-xep/ghi-nhan/", reorganisation.reorganisation_create, name="reorganisation_create"),
    path("don-vi/sap-xep/<int:pk>/", reorganisation.reorganisation_detail, name="reorganisation_detail"),
    path("don-vi/sap-xep/<int:pk>/ap-dung/", reorganisation.reorganisation_apply, name="reorganisation_apply"),
    path("don-vi/<int:pk>/", org.unit_detail, name="unit_detail"),
    path("don-vi/<int:pk>/sua/", org.unit_edit, name="unit_edit"),
    path("don-vi/<int:pk>/xem-xet/them/", org.unit_hold_edit, name="unit_hold_create"),
    path("don-vi/<int:pk>/xem-xet/<int:hold_pk>/", org.unit_hold_edit, name="unit_hold_edit"),
    path("can-bo/", org.officer_list, name="officer_list"),
    path("can-bo/tao-moi/", org.officer_create, name="officer_create"),
    path("can-bo/<int:pk>/", org.officer_detail, name="officer_detail"),
    path("can-bo/<int:pk>/sua/", org.officer_edit, name="officer_edit"),
    path("can-bo/<int:pk>/dieu-dong/", org.officer_transfer, name="officer_transfer"),
    path("can-bo/<int:pk>/ky-luat/them/", org.discipline_create, name="discipline_create"),
    path("ky-luat/<int:pk>/xoa/", org.discipline_delete, name="discipline_delete"),
    path("can-bo/<int:pk>/xem-xet/them/", org.hold_edit, name="hold_create"),
    path("can-bo/<int:pk>/xem-xet/<int:hold_pk>/", org.hold_edit, name="hold_edit"),
    path("nhat-ky/", org.audit_list, name="audit_list"),
    path("so-van-ban/", register.register_list, name="register_list"),
    path("nhap-excel/", imports.import_start, name="import_start"),
    path("nhap-excel/mau.xlsx", imports.import_template, name="import_template"),
    path("thong-bao/", notifications.notification_list, name="notification_list"),
    path("thong-bao/<int:pk>/da-doc/", notifications.notification_read, name="notification_read"),
    path("thong-bao/<int:pk>/mo/", notifications.notification_open, name="notification_open"),
    path("thong-bao/da-doc-het/", notifications.notification_read_all, name="notification_read_all"),
    path("tai-khoan/", account.account_edit, name="account_edit"),
    path("cong-viec/<int:pk>/", imports.job_detail, name="job_detail"),
    path("cong-viec/<int:pk>/trang-thai/", imports.job_status, name="job_status"),
]
