import { describe, expect, it } from 'vitest';
import { expireTagsLocally } from './refresh';
import { cacheTags } from './tags';

const generation = () => (globalThis as unknown as Record<symbol, number | undefined>)[Symbol.for('tin-dat-to.contentGeneration')] ?? 0;

describe('expireTagsLocally', () => {
  it('moves the content generation on when lists of published articles change, and only then', () => {
    const before = generation();
    expireTagsLocally([cacheTags.articleLists, cacheTags.section('giao-duc')]);
    expect(generation()).toBe(before + 1);
    expireTagsLocally([cacheTags.section('giao-duc')]);
    expect(generation()).toBe(before + 1);
  });
});
