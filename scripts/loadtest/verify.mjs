/**
 * The checks after the traffic of scripts/loadtest.mjs, against the database
 * itself (the ground truth), plus what readers get through HTTP:
 *
 * - every acknowledged save is there: a revision at the acknowledged version
 *   holding its marker; no two acknowledged saves of one article at the same
 *   version (a lost update); the article's current text (its waiting edit if
 *   it has one) holds the marker of the highest acknowledged version, and its
 *   version is at least that;
 * - an acknowledged publish stuck: the article is published and its public
 *   text holds the marker of the last acknowledged publish / publishPending;
 *   its public page shows that text, and never a waiting edit;
 * - ratings: the rows added per article equal the acknowledged votes (within
 *   the votes whose outcome is unknown), nobody's vote counted twice, and the
 *   public count (GET …/rating) equals the database.
 */

const chunk = (list, n) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

export async function ratingCounts(db) {
  const rows = await db.all('select article_id, count(*) as n from ratings group by article_id');
  return new Map(rows.map((r) => [Number(r.article_id), Number(r.n)]));
}

export async function verifySaves(db, ledger) {
  const ids = [...ledger.articles.keys()];
  const articles = new Map();
  const pending = new Map();
  const revisions = new Map();
  for (const part of chunk(ids, 200)) {
    const marks = part.map(() => '?').join(',');
    for (const r of await db.all(`select id, status, version, body from articles where id in (${marks})`, part)) articles.set(Number(r.id), r);
    for (const r of await db.all(`select article_id, version, data from article_pending_edits where article_id in (${marks})`, part)) pending.set(Number(r.article_id), r);
    for (const r of await db.all(`select article_id, version, body from article_revisions where article_id in (${marks})`, part)) {
      revisions.set(`${r.article_id}|${r.version}`, r.body);
    }
  }

  const lost = [];
  const unpublished = [];
  let ackedSaves = 0;
  let publishedAcked = 0;
  for (const art of ledger.articles.values()) {
    const row = articles.get(art.id);
    if (!row) {
      lost.push(`article ${art.id}: acknowledged (${art.acks.length} acks) but not in the database`);
      continue;
    }
    const contentAcks = art.acks.filter((a) => a.kind === 'create' || a.kind === 'save' || a.kind === 'pending save');
    ackedSaves += contentAcks.length;
    const seen = new Map();
    for (const ack of contentAcks) {
      if (seen.has(ack.version)) lost.push(`article ${art.id} v${ack.version}: two saves acknowledged at the same version (${seen.get(ack.version)} and ${ack.marker}) — one was overwritten`);
      seen.set(ack.version, ack.marker);
      const rev = revisions.get(`${art.id}|${ack.version}`);
      if (rev === undefined) lost.push(`article ${art.id} v${ack.version}: acknowledged save ${ack.marker} has no revision`);
      else if (!rev.includes(ack.marker)) lost.push(`article ${art.id} v${ack.version}: revision does not hold acknowledged save ${ack.marker}`);
    }
    if (!art.acks.length) continue;
    const last = art.acks.reduce((a, b) => (b.version > a.version ? b : a));
    const p = pending.get(art.id);
    const currentText = p ? p.data : row.body;
    const currentVersion = Number(p ? p.version : row.version);
    const unknown = [...art.indeterminate];
    if (currentVersion < last.version) lost.push(`article ${art.id}: at version ${currentVersion}, below the acknowledged ${last.version}`);
    if (!currentText.includes(last.marker) && !unknown.some((m) => currentText.includes(m))) {
      lost.push(`article ${art.id}: current text lacks the last acknowledged save ${last.marker} (v${last.version}; db v${currentVersion})`);
    }
    if (art.published) {
      publishedAcked++;
      if (row.status !== 'published') unpublished.push(`article ${art.id}: publish acknowledged but status is ${row.status}`);
      else if (!row.body.includes(art.publishedMarker) && !unknown.some((m) => row.body.includes(m))) {
        unpublished.push(`article ${art.id}: published text lacks ${art.publishedMarker}, the text of the last acknowledged publish`);
      }
    }
  }
  return { lost, unpublished, ackedSaves, publishedAcked, articles: ledger.articles.size };
}

export async function verifyRatings(db, ledger, before, base) {
  const after = await ratingCounts(db);
  const mismatches = [];
  let acked = 0;
  let refused = 0;
  for (const [id, v] of ledger.votes.perArticle) {
    acked += v.acks;
    refused += v.refused;
    const added = (after.get(id) ?? 0) - (before.get(id) ?? 0);
    if (added < v.acks || added > v.acks + v.indeterminate) mismatches.push(`article ${id}: ${added} votes added, ${v.acks} acknowledged${v.indeterminate ? ` (+${v.indeterminate} unknown)` : ''}`);
  }
  for (const [id, n] of after) {
    if (!ledger.votes.perArticle.has(id) && n !== (before.get(id) ?? 0)) mismatches.push(`article ${id}: ${n - (before.get(id) ?? 0)} votes added, none sent`);
  }
  let doubleCounted = 0;
  let refusedNewReaders = 0;
  for (const v of ledger.votes.perReader.values()) {
    if (v.acks > 1) doubleCounted++;
    if (v.acks === 0 && v.refused > 0 && v.indeterminate === 0) refusedNewReaders++;
  }
  // The public count, as the rating widget reads it, must be the database's.
  const apiMismatches = [];
  for (const id of ledger.votes.perArticle.keys()) {
    try {
      const res = await fetch(`${base}/api/articles/${id}/rating`);
      const data = await res.json();
      if (data.count !== (after.get(id) ?? 0)) apiMismatches.push(`article ${id}: GET rating says ${data.count}, database ${after.get(id) ?? 0}`);
    } catch (error) {
      apiMismatches.push(`article ${id}: GET rating failed (${error.message})`);
    }
  }
  return { mismatches, acked, refused, doubleCounted, refusedNewReaders, apiMismatches, voters: ledger.votes.perReader.size, articles: ledger.votes.perArticle.size };
}

/** Readers must see the last published text of every article published during the run, and never a waiting edit. */
export async function verifyPublicPages(ledger, base) {
  const stale = [];
  const leaked = [];
  let checked = 0;
  for (const art of ledger.articles.values()) {
    if (!art.published || !art.path || art.publishIndeterminate) continue;
    checked++;
    let html;
    try {
      const res = await fetch(base + art.path, { redirect: 'follow' });
      html = await res.text();
      if (res.status !== 200) {
        stale.push(`${art.path} (article ${art.id}) answered ${res.status}`);
        continue;
      }
    } catch (error) {
      stale.push(`${art.path} (article ${art.id}) failed: ${error.message}`);
      continue;
    }
    if (!html.includes(art.publishedMarker)) stale.push(`${art.path} (article ${art.id}) does not show ${art.publishedMarker}`);
    const last = art.acks.reduce((a, b) => (b.version > a.version ? b : a));
    if (last.kind === 'pending save' && html.includes(last.marker)) leaked.push(`${art.path} (article ${art.id}) shows the waiting edit ${last.marker}`);
  }
  return { checked, stale, leaked };
}
