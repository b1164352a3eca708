import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { FORMER_SLUG_HEADER, markFormerSlugRequest, SERVER_HEADER } from './former-slugs.mjs';

const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers: { ...headers } }) as unknown as IncomingMessage;
const former = new Set(['hoi-nghi-truyen-thong-giao-duc-2019']);

describe('markFormerSlugRequest', () => {
  it('marks an article address with a former slug, with or without a query', () => {
    for (const url of ['/tin-trong-tinh/hoi-nghi-truyen-thong-giao-duc-2019', '/tin-trong-tinh/hoi-nghi-truyen-thong-giao-duc-2019?utm_source=zalo']) {
      const req = request(url);
      markFormerSlugRequest(req, former);
      expect(req.headers[FORMER_SLUG_HEADER], url).toBe('1');
      expect(req.headers[SERVER_HEADER]).toBe('1');
    }
  });

  it('leaves current slugs and other pages unmarked, and removes a mark a client sent', () => {
    for (const url of ['/tin-trong-tinh/day-manh-truyen-thong', '/tin-trong-tinh', '/', '/the/hoi-nghi-truyen-thong-giao-duc-2019/x']) {
      const req = request(url, { [FORMER_SLUG_HEADER]: '1', [SERVER_HEADER]: '0' });
      markFormerSlugRequest(req, former);
      expect(req.headers[FORMER_SLUG_HEADER], url).toBeUndefined();
      expect(req.headers[SERVER_HEADER]).toBe('1');
    }
  });

  it('sends every article address through the proxy until the set has been read', () => {
    const req = request('/tin-trong-tinh/day-manh-truyen-thong');
    markFormerSlugRequest(req, undefined);
    expect(req.headers[FORMER_SLUG_HEADER]).toBe('1');
  });
});
