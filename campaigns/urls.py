from django.urls import path

from .views import campaigns, grid, plans, pledges, results, standings, targets

app_name = "campaigns"

urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("tao-moi/", plans.plan_create, name="plan_create"),
    path("<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("<int:pk>/sua/", plans.plan_edit, name="plan_edit"),
    path("<int:pk>/ke-hoach-cap-duoi/", plans.plan_subplans, name="plan_subplans"),
    path("<int:pk>/ke-hoach-cap-duoi/<int:requirement_pk>/<str:action>/", plans.subplan_action, name="subplan_action"),
    path("<int:plan_pk>/phong-trao/tao-moi/", campaigns.campaign_create, name="campaign_create"),
    path("phong-trao/", campaigns.campaign_list, name="campaign_list"),
    path("phong-trao/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("phong-trao/<int:pk>/sua/", campaigns.campaign_edit, name="campaign_edit"),
    path("phong-trao/<int:pk>/moc/tao-moi/", campaigns.milestone_create, name="milestone_create"),
    path("phong-trao/<int:pk>/chi-tieu/tao-moi/", targets.target_edit, name="target_create"),
    path("phong-trao/<int:pk>/chi-tieu/<int:target_pk>/", targets.target_edit, name="target_edit"),
    path("phong-trao/<int:pk>/ket-qua/", results.campaign_results, name="campaign_results"),
    path("phong-trao/<int:pk>/ket-qua/nhap/", results.result_edit, name="result_create"),
    path("phong-trao/<int:pk>/ket-qua/bang/", grid.results_grid, name="results_grid"),
    path("phong-trao/<int:pk>/ket-qua/mau.xlsx", results.results_template, name="results_template"),
    path("phong-trao/<int:pk>/ket-qua/nhap-excel/", results.results_import, name="results_import"),
    path("phong-trao/<int:pk>/ket-qua/<int:result_pk>/", results.result_edit, name="result_edit"),
    path("phong-trao/<int:pk>/ket-qua/<int:result_pk>/<str:action>/", results.result_action, name="result_action"),
    path("phong-trao/<int:pk>/ket-qua/hang-loat/", results.results_bulk, name="results_bulk"),
    path("phong-trao/<int:pk>/dat-chi-tieu/", results.campaign_attainment, name="campaign_attainment"),
    path("phong-trao/<int:pk>/dat-chi-tieu/xuat/", results.attainment_export, name="attainment_export"),
    path("phong-trao/<int:pk>/dat-chi-tieu/xuat/<int:job_pk>/", results.attainment_export_file,
         name="attainment_export_file"),
    path("phong-trao/<int:pk>/xep-hang/", standings.campaign_standings, name="campaign_standings"),
    path("phong-trao/<int:pk>/xep-hang/xuat/", standings.standings_export, name="standings_export"),
    path("phong-trao/<int:pk>/giao-uoc/", pledges.campaign_pledges, name="campaign_pledges"),
    path("phong-trao/<int:pk>/giao-uoc/dang-ky/", pledges.pledge_create, name="pledge_create"),
    path("phong-trao/<int:pk>/giao-uoc/hang-loat/", pledges.pledges_bulk, name="pledges_bulk"),
    path("phong-trao/<int:pk>/giao-uoc/<int:pledge_pk>/<str:action>/", pledges.pledge_action, name="pledge_action"),
    path("don-vi/<int:unit_pk>/", campaigns.unit_history, name="unit_history"),
    path("giao-uoc/", pledges.pledge_list, name="pledge_list"),
    path("giao-uoc/<int:pk>/", pledges.pledge_detail, name="pledge_detail"),
    path("giao-uoc/<int:pk>/sua/", pledges.pledge_edit, name="pledge_edit"),
]
