"""A citizen of another unit, as the identity tests hold them: their stored details, and whether a page shows any."""

from datetime import date

from danvan.models import Citizen

STORED = {
    "full_name": "Rah Lan Blơng",
    "cccd": "064190004321",
    "birth_date": date(1990, 2, 3),
    "gender": Citizen.Gender.FEMALE,
    "address": "thôn Hòa Bình, xã Ia Pếch",
    "phone": "0905123456",
}
# What the pages must never show of them: their name, address (and its village alone) and phone; and their CCCD (also
# masked), unless the user typed it.
SECRETS = ("Rah Lan Blơng", "Hòa Bình", "0905123456")
CCCD_SHOWN = (STORED["cccd"], "*********321")


def stored_row(citizen: Citizen) -> tuple:
    return tuple(Citizen.objects.filter(pk=citizen.pk).values_list(*STORED).get())


def shows_any_stored_detail(response, *, cccd_typed: bool = False) -> bool:
    page = response.content.decode()
    return any(text in page for text in SECRETS + (() if cccd_typed else CCCD_SHOWN))
