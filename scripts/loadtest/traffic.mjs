/**
 * The three kinds of traffic scripts/loadtest.mjs runs at the same time, and
 * the ledger of what the server acknowledged, for the checks afterwards:
 *
 * - readers: article pages (demo articles and the ones the editors publish
 *   during the run), the home page and search with varied Vietnamese words;
 * - editors, each in their own signed-in session: create a draft, save it
 *   several times with the version they hold (each save a unique marker in
 *   the body), publish it; every other round also edit the published article
 *   (saved as its waiting edit) and put the edit live (publishPending); and
 *   between rounds save a draft that all editors share, with whatever version
 *   they last saw, so optimistic concurrency is exercised (409 expected);
 * - raters: votes from distinct readers (own X-Forwarded-For address, no
 *   cookie), plus repeat votes from an earlier reader (must be refused) and the
 *   same new reader voting twice at once (exactly one may count).
 *
 * Only 2xx answers go into the ledger as acknowledged. A timeout, a network
 * error or a 5xx leaves the outcome unknown: it is recorded as indeterminate
 * and the editor re-reads the article before going on.
 */
import { Client } from './client.mjs';

export const SEARCH_WORDS = [
  'giáo dục', 'giao duc', 'nông nghiệp', 'du lịch', 'lễ hội', 'Hùng Vương', 'Đền Hùng', 'đất tổ', 'Phú Thọ', 'Việt Trì',
  'y tế', 'bệnh viện', 'giao thông', 'kinh tế', 'văn hóa', 'thể thao', 'bóng đá', 'an ninh', 'môi trường', 'xây dựng',
  'đầu tư', 'học sinh', 'mưa lũ', 'truyền thông', 'đồng thuận', 'nông thôn mới', 'chè', 'bưởi', 'xuân', 'hát xoan',
  'công an', 'thanh niên', 'doanh nghiệp', 'việc làm', 'tuyển sinh', 'sức khỏe', 'cao tốc', 'Tân Sơn', 'Thanh Sơn', 'Hạ Hòa',
  'tỉnh', 'huyện', 'xã', 'năm 2026', 'cập nhật', 'vùng cao', 'cơ sở', 'thành phố', 'mới', 'hội nghị',
];

const TOPICS = ['Giao thông nông thôn', 'Mùa bưởi Đoan Hùng', 'Lễ hội đền Hùng', 'Tuyển sinh lớp 10', 'Chăm sóc sức khỏe', 'Đường cao tốc', 'Hát Xoan', 'Chè Phú Thọ'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const between = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));

/** 10.a.b.c for raters (counter), 172.16–31.x.y for readers and editors. */
export function raterAddress(n) {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** A unique marker for a save; the final "-x" keeps one marker from being a prefix of another (s1 / s12). */
function markerOf(ctx, what) {
  return `LT-${ctx.runId}-${what}-x`;
}

function bodyWith(marker, text) {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      { type: 'paragraph', content: [{ type: 'text', text: `Mã kiểm tra: ${marker}` }] },
    ],
  };
}

/** Everything the checks need: the articles the editors touched and the votes. */
export class Ledger {
  constructor() {
    /** @type {Map<number, {id: number, owner: number|null, shared: boolean, acks: Array<{version: number, marker: string, kind: string}>, indeterminate: Set<string>, published: boolean, publishedMarker: string|null, publishIndeterminate: boolean, path: string|null, currentMarker: string|null}>} */
    this.articles = new Map();
    this.createIndeterminate = 0;
    /** Answers that were 2xx but not what the request asked for (wrong version, marker missing, wrong status). */
    this.anomalies = [];
    /** Unexpected non-2xx answers on the editors' own articles (nobody else writes them). */
    this.unexpected = [];
    this.votes = { perArticle: new Map(), perReader: new Map() };
    this.readerPaths = [];
    this.rateable = [];
    this.pastVoters = [];
  }

  track(id, owner, shared = false) {
    const a = { id, owner, shared, acks: [], indeterminate: new Set(), published: false, publishedMarker: null, publishIndeterminate: false, path: null, currentMarker: null };
    this.articles.set(id, a);
    return a;
  }

  anomaly(what, detail) {
    if (this.anomalies.length < 50) this.anomalies.push(`${what}: ${detail}`);
    else this.anomalies.push(what);
  }
}

export async function readerLoop(ctx, i) {
  const { base, stats, ledger } = ctx;
  const client = new Client(base, stats, { xff: `172.${16 + (i % 16)}.${(i >> 4) & 255}.${10 + (i % 200)}`, userAgent: `Mozilla/5.0 (loadtest reader ${i})` });
  while (ctx.running()) {
    const r = Math.random();
    if (r < 0.55) await client.request('reader: article', 'GET', pick(ledger.readerPaths));
    else if (r < 0.8) await client.request('reader: home', 'GET', '/');
    else {
      const q = Math.random() < 0.2 ? `${pick(SEARCH_WORDS)} ${pick(SEARCH_WORDS)}` : pick(SEARCH_WORDS);
      await client.request('reader: search', 'GET', `/tim-kiem?q=${encodeURIComponent(q)}`);
    }
  }
}

export async function raterLoop(ctx, i) {
  const { ledger } = ctx;
  while (ctx.running()) {
    if (!ledger.rateable.length) {
      await sleep(200);
      continue;
    }
    const r = Math.random();
    if (r < 0.1 && ledger.pastVoters.length) {
      // An earlier reader (same address and browser, cookie lost) votes again: must be refused.
      const v = pick(ledger.pastVoters);
      await vote(ctx, v.articleId, v.address);
    } else if (r < 0.15) {
      // The same new reader twice at the same moment (a double click): exactly one may count.
      const address = raterAddress(++ctx.voterSeq);
      const articleId = pick(ledger.rateable);
      await Promise.all([vote(ctx, articleId, address), vote(ctx, articleId, address)]);
    } else {
      await vote(ctx, pick(ledger.rateable), raterAddress(++ctx.voterSeq));
    }
  }
}

async function vote(ctx, articleId, address) {
  const { ledger } = ctx;
  const client = new Client(ctx.base, ctx.stats, { xff: address, userAgent: 'Mozilla/5.0 (loadtest voter)' });
  const res = await client.request('rating POST', 'POST', `/api/articles/${articleId}/rating`, { json: { stars: between(1, 5) }, expected: [409] });
  const art = ledger.votes.perArticle.get(articleId) ?? { acks: 0, refused: 0, indeterminate: 0 };
  ledger.votes.perArticle.set(articleId, art);
  const key = `${articleId}|${address}`;
  const reader = ledger.votes.perReader.get(key) ?? { acks: 0, refused: 0, indeterminate: 0 };
  ledger.votes.perReader.set(key, reader);
  if (res.status === 201) {
    art.acks++;
    reader.acks++;
    if (reader.acks === 1 && ledger.pastVoters.length < 5000) ledger.pastVoters.push({ articleId, address });
  } else if (res.status === 409) {
    art.refused++;
    reader.refused++;
  } else if (res.indeterminate) {
    art.indeterminate++;
    reader.indeterminate++;
  }
}

/** One editor's session: rounds of create → saves → publish (→ edit published → publishPending), plus shared-draft saves. */
export async function editorLoop(ctx, e, client) {
  let sharedVersion = null;
  for (let round = 1; ctx.running(); round++) {
    await editorRound(ctx, e, client, round);
    if (!ctx.running()) break;
    if (ctx.shared) {
      for (let k = 0; k < 2 && ctx.running(); k++) {
        sharedVersion ??= await currentVersion(client, ctx.shared.id);
        if (sharedVersion === null) break;
        sharedVersion = await save(ctx, client, ctx.shared, sharedVersion, markerOf(ctx, `shared-e${e}-r${round}-k${k}`), 'editor: save shared draft', 'save');
        await sleep(between(20, 120));
      }
    }
  }
}

async function editorRound(ctx, e, client, round) {
  const { ledger, sections } = ctx;
  const marker0 = markerOf(ctx, `e${e}-r${round}-s0`);
  const section = pick(sections);
  const created = await client.request('editor: create draft', 'POST', '/api/articles', {
    json: {
      title: `Bài thử tải ${round} của biên tập viên ${e}: ${pick(TOPICS)} (${ctx.runId})`,
      lead: `Sapo thử tải ${marker0}`,
      body: bodyWith(marker0, `Bản nháp đầu tiên của vòng ${round}.`),
      sectionId: section.id,
      tags: ['thử tải'],
    },
  });
  if (created.status !== 201) {
    if (created.indeterminate) ledger.createIndeterminate++;
    else ledger.unexpected.push(`create draft → ${created.status}`);
    await sleep(500);
    return;
  }
  const art = ledger.track(created.data.id, e);
  art.acks.push({ version: created.data.version, marker: marker0, kind: 'create' });
  art.currentMarker = marker0;
  let held = created.data.version;

  const saves = between(3, 6);
  for (let s = 1; s <= saves && ctx.running(); s++) {
    await sleep(between(50, 250));
    held = await save(ctx, client, art, held, markerOf(ctx, `e${e}-r${round}-s${s}`), 'editor: save draft', 'save');
    if (held === null) return;
  }
  if (!ctx.running()) return;

  held = await workflow(ctx, client, art, held, 'publish', 'editor: publish');
  if (held === null || !art.published || !ctx.running()) return;

  if (round % 2 === 0) {
    // An edit of the live article: kept as its waiting edit, then put live.
    for (let s = 1; s <= 2 && ctx.running(); s++) {
      await sleep(between(50, 250));
      held = await save(ctx, client, art, held, markerOf(ctx, `e${e}-r${round}-p${s}`), 'editor: save published (pending)', 'pending save');
      if (held === null) return;
    }
    if (!ctx.running()) return;
    await workflow(ctx, client, art, held, 'publishPending', 'editor: publishPending');
  }
}

async function currentVersion(client, id) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await client.request('editor: read article', 'GET', `/api/articles/${id}`);
    if (res.ok) return res.data.version;
    await sleep(500);
  }
  return null;
}

/** A save with the version held; returns the version now held (from the answer, the 409's `current`, or a re-read). */
async function save(ctx, client, art, held, marker, cls, kind) {
  const { ledger } = ctx;
  const res = await client.request(cls, 'PATCH', `/api/articles/${art.id}`, {
    json: { version: held, body: bodyWith(marker, `Nội dung sửa, lưu trên phiên bản ${held}.`) },
    expected: art.shared ? [409] : [],
  });
  if (res.ok) {
    const version = res.data?.version;
    art.acks.push({ version, marker, kind });
    art.currentMarker = marker;
    if (version !== held + 1) ledger.anomaly('save acknowledged with an unexpected version', `article ${art.id}: sent ${held}, got ${version}`);
    if (!JSON.stringify(res.data?.body ?? '').includes(marker)) ledger.anomaly('save acknowledged without its text', `article ${art.id} v${version} ${marker}`);
    if (kind === 'pending save' && !res.data?.pendingEdit) ledger.anomaly('edit of a published article not kept as a waiting edit', `article ${art.id} v${version}`);
    return version;
  }
  if (res.indeterminate) art.indeterminate.add(marker);
  else if (!(art.shared && res.status === 409)) ledger.unexpected.push(`${cls} article ${art.id} v${held} → ${res.status} ${res.text.slice(0, 160)}`);
  if (res.status === 409 && res.data?.current?.version) return res.data.current.version;
  return currentVersion(client, art.id);
}

async function workflow(ctx, client, art, held, action, cls) {
  const { ledger } = ctx;
  const res = await client.request(cls, 'POST', `/api/articles/${art.id}/workflow`, { json: { action, version: held } });
  if (res.ok) {
    const data = res.data;
    art.acks.push({ version: data.version, marker: art.currentMarker, kind: action });
    art.published = true;
    art.publishedMarker = art.currentMarker;
    art.path = `/${data.section.slug}/${data.slug}`;
    if (data.status !== 'published') ledger.anomaly(`${action} acknowledged but the article is ${data.status}`, `article ${art.id}`);
    if (data.pendingEdit) ledger.anomaly(`${action} acknowledged but a waiting edit remains`, `article ${art.id}`);
    if (action === 'publish') {
      ledger.readerPaths.push(art.path);
      ledger.rateable.push(art.id);
    }
    return data.version;
  }
  if (res.indeterminate) {
    art.publishIndeterminate = true;
    art.indeterminate.add(art.currentMarker);
  } else ledger.unexpected.push(`${cls} article ${art.id} v${held} → ${res.status} ${res.text.slice(0, 160)}`);
  return currentVersion(client, art.id).then(() => null);
}
