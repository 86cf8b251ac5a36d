"""A database for an end-to-end test, made with the real command line: import a document, add organisers and
API tokens."""
import json
import os
import subprocess

PASSWORD = "ein-langes-passwort"


def import_document(binary, db, document):
    """Writes the document next to the database and imports it."""
    path = os.path.join(os.path.dirname(db), os.path.basename(db) + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f)
    subprocess.run([binary, "import", path, "--db", db], check=True, capture_output=True)


def create_organiser(binary, db, email, role="organiser", networks=(), password=PASSWORD):
    args = [binary, "create-organiser", "--db", db, "--email", email, "--name", email.split("@")[0], "--role", role,
            "--password-stdin"]
    for network in networks:
        args += ["--network", network]
    subprocess.run(args, input=password + "\n", text=True, check=True, capture_output=True)


def api_token(binary, db, email):
    return subprocess.run([binary, "create-api-token", "--db", db, "--email", email], check=True,
                          capture_output=True, text=True).stdout.strip()
