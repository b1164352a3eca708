/** Types for shared-state.mjs (plain JavaScript so server.mjs loads it without a build). */
export const shared: { contentGeneration: symbol; formerSlugs: symbol; countSearch: symbol; answerVote: symbol; ownUrl: symbol };
export function setShared(name: symbol, value: unknown): void;
export function sharedValue(name: symbol): any;
