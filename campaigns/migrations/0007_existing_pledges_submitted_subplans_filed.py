"""Existing pledges were registered before pledges had a status: they wait for review (Chờ duyệt).
Requirements whose unit has already filed its plan under the required plan become *filed*."""

from django.db import migrations
from django.db.models import Exists, OuterRef


def forwards(apps, schema_editor):
    Pledge = apps.get_model("campaigns", "Pledge")
    Plan = apps.get_model("campaigns", "Plan")
    SubPlanRequirement = apps.get_model("campaigns", "SubPlanRequirement")
    Pledge.objects.update(status="submitted")
    filed = Plan.objects.filter(parent=OuterRef("plan"), issuer=OuterRef("unit"))
    SubPlanRequirement.objects.filter(Exists(filed)).update(status="filed")


def backwards(apps, schema_editor):
    pass  # the columns go away with 0006


class Migration(migrations.Migration):

    dependencies = [("campaigns", "0006_workflow_states")]

    operations = [migrations.RunPython(forwards, backwards)]
