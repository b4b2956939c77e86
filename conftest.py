"""Settings every test shares."""

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    # Accounts are made in many tests (and by the demo); PBKDF2's deliberate slowness only
    # costs time there.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
