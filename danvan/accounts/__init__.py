"""Staff accounts: logging in (with django-axes' lockout), one's own password (changed, or reset by an e-mailed link),
and a unit admin's administration of the staff of their area and of its audit log."""
