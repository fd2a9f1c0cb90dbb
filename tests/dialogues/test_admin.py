from datetime import date

import pytest
from django.urls import reverse

from dialogues.models import Dialogue, Opinion, OpinionStatus
from dialogues.services import add_opinion

pytestmark = pytest.mark.django_db


@pytest.fixture
def dialogue(hold, committee_of_ia_grai):
    return hold(committee_of_ia_grai, date(2026, 3, 10))


def test_the_admin_lists_dialogues_and_their_opinions(admin_client, dialogue):
    add_opinion(dialogue, by=None, content="Đường vào thôn 3 xuống cấp", status=OpinionStatus.ANSWERED_ON_SPOT)

    dialogues = admin_client.get(reverse("admin:dialogues_dialogue_changelist"))
    opinions = admin_client.get(reverse("admin:dialogues_opinion_changelist"))

    assert (dialogues.status_code, opinions.status_code) == (200, 200)
    assert "Bồi thường, hỗ trợ tái định cư dự án đường liên xã" in dialogues.content.decode()
    assert "Đường vào thôn 3 xuống cấp" in opinions.content.decode()


def test_the_admin_shows_a_dialogue_but_cannot_change_it(admin_client, dialogue):
    response = admin_client.post(reverse("admin:dialogues_dialogue_change", args=[dialogue.pk]), {"participants": 1})

    dialogue.refresh_from_db()
    assert (response.status_code, dialogue.participants) == (403, 120)


def test_the_admin_cannot_add_or_delete_dialogues_or_follow_up(admin_client, dialogue):
    responses = [
        admin_client.get(reverse("admin:dialogues_dialogue_add")),
        admin_client.get(reverse("admin:dialogues_opinion_add")),
        admin_client.get(reverse("admin:dialogues_directive_add")),
        admin_client.post(reverse("admin:dialogues_dialogue_delete", args=[dialogue.pk]), {"post": "yes"}),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403, 403]
    assert (Dialogue.objects.count(), Opinion.objects.count()) == (1, 0)
