from io import StringIO

from django.core.management import call_command


def test_staff_toolbar_offers_adding_whitepapers(client, demo_pages, staff_user):
    client.force_login(staff_user)
    html = client.get("/en/about-us/").content.decode()
    assert "Whitepapers" in html and "Add whitepaper" in html
    assert "/en/admin/publications/whitepaper/add/" in html


def test_visitors_and_staff_without_permission_get_no_entry(client, demo_pages,
                                                            django_user_model):
    assert "Add whitepaper" not in client.get("/en/about-us/").content.decode()
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert "Add whitepaper" not in client.get("/en/about-us/").content.decode()


def test_models_and_migrations_agree(db):
    out = StringIO()
    call_command("makemigrations", "publications", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()
