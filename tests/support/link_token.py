"""The link token of a registration, read from the database as only the person's inbox would learn it: the public
API never answers with it (double opt-in)."""
import sqlite3


def link_token(db, slug, email):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT r.token FROM registrations r JOIN events e ON e.id = r.event_id "
                          "WHERE e.slug = ? AND r.email_key = lower(?)", (slug, email)).fetchone()
        return row[0] if row else None
    finally:
        con.close()
