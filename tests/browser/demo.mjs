// The demo data (networks, webinars, a barcamp with its programme, a series) on the real server, and people
// registered through the API, for tests that look at every kind of page.
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';

// Starts `treffpunkt serve --demo` on a new database in `work`; resolves with { server, base, db }.
export async function startDemoServer(work) {
  const db = join(work, 'demo.db');
  const { server, base } = await startServer(db, ['--demo']);
  return { server, base, db };
}

// Registers a person through the organisers' API and confirms as the person would; returns the person's link.
export async function registerAndConfirm(base, token, slug, name, email) {
  const created = await fetch(`${base}/api/v1/events/${slug}/registrations`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name, email, consent: true }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const link = (await created.json()).manage_url.split('/r/')[1];
  const confirmed = await fetch(`${base}/api/v1/registrations/${link}/confirm`, { method: 'POST' });
  assert.equal(confirmed.status, 200);
  return link;
}
