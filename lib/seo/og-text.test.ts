import { describe, expect, it } from 'vitest';
import { shortenForImage } from './og-text';

describe('shortenForImage', () => {
  it('keeps short text, tidying its spaces', () => {
    expect(shortenForImage('  Lễ hội   Đền Hùng ', 40)).toBe('Lễ hội Đền Hùng');
  });

  it('cuts long text after a whole word, within the limit, with an ellipsis', () => {
    const out = shortenForImage('Đẩy mạnh truyền thông, tạo sự đồng thuận của toàn xã hội', 30);
    expect(out).toBe('Đẩy mạnh truyền thông, tạo sự…');
    expect([...out].length).toBeLessThanOrEqual(30);
  });

  it('drops a word the limit would split', () => {
    expect(shortenForImage('Đẩy mạnh truyền thông, tạo sự đồng thuận', 29)).toBe('Đẩy mạnh truyền thông, tạo…');
  });

  it('counts emoji as one character and never splits one', () => {
    expect(shortenForImage('😀'.repeat(20), 10)).toBe(`${'😀'.repeat(9)}…`);
  });
});
