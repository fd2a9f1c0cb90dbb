"""Numbers as agencies write them (Vietnamese separators): thousands grouped by dots, decimals after a comma."""

from decimal import ROUND_HALF_UP, Decimal


def number(value: int | float | Decimal) -> str:
    """A figure as agencies write it: thousands grouped by dots, at most three decimals after a comma, none when
    whole (2.861; 88,7; 1.720,25; 1.250.000.000)."""
    amount = Decimal(str(value)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    whole, _, decimals = f"{abs(amount):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    decimals = decimals.rstrip("0")
    sign = "-" if amount < 0 else ""
    return f"{sign}{grouped},{decimals}" if decimals else f"{sign}{grouped}"
