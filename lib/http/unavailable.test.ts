import { describe, expect, it } from 'vitest';
import { databaseUnavailableResponse, wantsHtml } from './unavailable';

describe('the answer while the database is unreachable', () => {
  it('is a Vietnamese page for browsers: 503, Retry-After, never cached', async () => {
    const response = databaseUnavailableResponse(true);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1 style="color:#9b1c1c">Hệ thống đang bảo trì</h1>');
    expect(html).toContain('Tạm thời không truy cập được cơ sở dữ liệu, vui lòng thử lại sau ít phút.');
  });

  it('is JSON for API clients, with a body of the caller’s choosing', async () => {
    const response = databaseUnavailableResponse(false);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toEqual({ error: 'Hệ thống đang bảo trì, vui lòng thử lại sau ít phút.' });
    const health = databaseUnavailableResponse(false, { status: 'degraded' });
    expect(await health.json()).toEqual({ status: 'degraded' });
  });

  it('tells a page load from an API call by its Accept header', () => {
    expect(wantsHtml(new Request('http://x/', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } }))).toBe(true);
    expect(wantsHtml(new Request('http://x/', { headers: { accept: 'application/json' } }))).toBe(false);
    expect(wantsHtml(new Request('http://x/'))).toBe(false);
  });
});
