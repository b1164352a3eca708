// @ts-check
/**
 * What the production server (server.mjs, lib/server/*.mjs) and Next's bundles of the same
 * process share. They are separate module graphs with only globalThis in common, so each piece
 * lives there under one of these names (global symbols: the same in every graph).
 */
export const shared = {
  /** A number that grows with every publish, edit or unpublish this process sees (lib/cache/refresh.ts). */
  contentGeneration: Symbol.for('tin-dat-to.contentGeneration'),
  /** The set of former article slugs (lib/articles/slug-redirects.ts). */
  formerSlugs: Symbol.for('tin-dat-to.formerSlugs'),
  /** Counts a search against its client's limit (lib/search/search-limit.ts). */
  countSearch: Symbol.for('tin-dat-to.countSearch'),
  /** Answers a vote (lib/ratings/lend-votes.ts). */
  answerVote: Symbol.for('tin-dat-to.answerVote'),
  /** Where this server listens, as a URL (server.mjs): the cache poller calls its own server there. */
  ownUrl: Symbol.for('tin-dat-to.ownUrl'),
};

/** @param {symbol} name @param {unknown} value */
export function setShared(name, value) {
  /** @type {any} */ (globalThis)[name] = value;
}

/** @param {symbol} name @returns {any} */
export function sharedValue(name) {
  return /** @type {any} */ (globalThis)[name];
}
