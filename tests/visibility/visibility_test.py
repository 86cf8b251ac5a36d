"""What other sites, readers and search engines get from the real server: the public events API over the wire
(CORS, gzip, 304, pages), the Atom feeds read by feedparser (Debian's python3-feedparser), the sitemap read by
Python's XML parser, and robots.txt read by Python's robots.txt parser."""
import datetime
import gzip
import json
import os
import subprocess
import sys
import tempfile
import unittest
import urllib.robotparser
import xml.etree.ElementTree as ET

import feedparser

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def local(days, hour):
    return f"{(datetime.date.today() + datetime.timedelta(days=days)).isoformat()}T{hour:02d}:00"


def event(slug, title, days, **more):
    return {"slug": slug, "network": "ist-bochum", "kind": "meeting", "title": title, "start": local(days, 10),
            "end": local(days, 17), "time_zone": "Europe/Berlin", "capacity": 30, **more}


DOCUMENT = {
    "networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW"},
                 {"slug": "mint-nord", "name": "MINT-Region Nord"}],
    "events": [event(f"treffen-{i:03d}", f"Treffen {i}", 10 + i) for i in range(105)]
    + [event("entwurf", "Entwurf", 5, status="draft"),
       event("online-runde", "Online-Runde", 3, format="online", join_url="https://meet.example/geheim-4711"),
       dict(event("nord-treffen", "Treffen im Norden & am Meer", 4), network="mint-nord")],
}


class VisibilityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        db, doc = os.path.join(cls.tmp.name, "v.db"), os.path.join(cls.tmp.name, "doc.json")
        with open(doc, "w", encoding="utf-8") as f:
            json.dump(DOCUMENT, f)
        subprocess.run([BINARY, "import", doc, "--db", db], check=True, capture_output=True)
        cls.server = TreffpunktServer(BINARY, db).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        cls.tmp.cleanup()

    def test_the_public_api_over_the_wire(self):
        status, headers, body = self.server.get("/api/v1/public/events", {"Origin": "https://www.mint-bochum.example"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["Access-Control-Allow-Origin"], "*")
        self.assertNotIn(b"geheim-4711", body)
        first = json.loads(body)
        self.assertEqual((first["total"], first["pages"], len(first["events"])), (107, 2, 100))
        self.assertEqual(first["events"][0]["slug"], "online-runde")
        self.assertNotIn("entwurf", [e["slug"] for e in first["events"]])
        self.assertEqual(first["next"], self.server.base + "/api/v1/public/events?page=2")
        _, _, second = self.server.get(first["next"].replace(self.server.base, ""))
        self.assertEqual(len(json.loads(second)["events"]), 7)
        # gzip for those who ask, and a 304 for a current copy
        status, headers, packed = self.server.get("/api/v1/public/events", {"Accept-Encoding": "gzip"})
        self.assertEqual(headers["Content-Encoding"], "gzip")
        self.assertEqual(gzip.decompress(packed), body)
        status, _, _ = self.server.get("/api/v1/public/events", {"If-None-Match": headers["ETag"],
                                                                  "Accept-Encoding": "gzip"})
        self.assertEqual(status, 304)
        status, headers, error = self.server.get("/api/v1/public/events?from=morgen", {"Accept-Language": "de"})
        self.assertEqual(status, 400)
        self.assertIn("ist kein Datum", json.loads(error)["error"])

    def test_the_atom_feeds_as_a_reader_reads_them(self):
        status, headers, body = self.server.get("/feed.atom", {"Accept-Language": "en"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "application/atom+xml; charset=utf-8")
        feed = feedparser.parse(body)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        self.assertEqual(feed.version, "atom10")
        self.assertEqual(feed.feed.title, "Treffpunkt: new and changed events")
        self.assertEqual(len(feed.entries), 50)  # the newest changes only
        self.assertNotIn(b"geheim-4711", body)
        for entry in feed.entries:
            self.assertEqual(entry.id, entry.link)
            self.assertTrue(entry.link.startswith(self.server.base + "/events/"))
            self.assertNotEqual(entry.link, self.server.base + "/events/entwurf")
            self.assertIsNotNone(entry.updated_parsed)
            self.assertTrue(entry.summary)
        _, _, body = self.server.get("/networks/mint-nord/feed.atom")
        nord = feedparser.parse(body)
        self.assertFalse(nord.bozo, nord.get("bozo_exception"))
        self.assertEqual([e.title for e in nord.entries], ["Treffen im Norden & am Meer"])
        self.assertEqual(nord.entries[0].author, "MINT-Region Nord")
        self.assertEqual(nord.feed.title, "MINT-Region Nord: neue und geänderte Veranstaltungen")

    def test_the_sitemap_is_valid_xml_with_every_public_page(self):
        status, headers, body = self.server.get("/sitemap.xml")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("application/xml"))
        root = ET.fromstring(body)
        self.assertEqual(root.tag, SITEMAP + "urlset")
        locs = {u.find(SITEMAP + "loc").text: u.find(SITEMAP + "lastmod") for u in root.findall(SITEMAP + "url")}
        for i in range(105):
            self.assertIn(f"{self.server.base}/events/treffen-{i:03d}", locs)
        self.assertNotIn(f"{self.server.base}/events/entwurf", locs)
        for loc, lastmod in locs.items():
            status, _, _ = self.server.get(loc.replace(self.server.base, ""))
            self.assertEqual(status, 200, loc)  # every page listed is there
            if lastmod is not None:
                datetime.datetime.strptime(lastmod.text, "%Y-%m-%dT%H:%M:%SZ")

    def test_robots_txt_as_a_crawler_reads_it(self):
        status, _, body = self.server.get("/robots.txt")
        self.assertEqual(status, 200)
        robots = urllib.robotparser.RobotFileParser()
        robots.parse(body.decode().splitlines())
        base = self.server.base
        for allowed in ["/", "/events/treffen-001", "/networks/ist-bochum", "/calendar.ics", "/sitemap.xml"]:
            self.assertTrue(robots.can_fetch("Googlebot", base + allowed), allowed)
        for kept_out in ["/admin", "/admin/events", "/r/abc", "/feeds/abc.ics", "/api/v1/public/events", "/metrics"]:
            self.assertFalse(robots.can_fetch("Googlebot", base + kept_out), kept_out)
        self.assertEqual(robots.site_maps(), [base + "/sitemap.xml"])


if __name__ == "__main__":
    unittest.main()
