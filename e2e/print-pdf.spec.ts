import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { seedArticlePath, seedArticleTitle } from './fixtures';

test('the printed article keeps the story and its address, not the site around it', async ({ page }) => {
  await page.goto(seedArticlePath);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  // It opens with where it came from (the site's header itself is not printed).
  expect(flat.trim().slice(0, 80)).toContain('Tin Đất Tổ – Cổng thông tin điện tử của tỉnh');
  expect(flat).toContain('Đẩy mạnh truyền thông');
  expect(flat).toContain(seedArticleTitle.split(' ').slice(-4).join(' '));
  expect(flat).toContain('09/10/2019 15:34');
  expect(flat).toContain('Huyền Trang');
  expect(flat).toContain('Đại biểu tham gia thảo luận tại hội nghị');
  expect(flat).toContain('Quang cảnh hội nghị');
  expect(flat).toContain(`Địa chỉ bài viết: `);
  expect(flat).toContain(seedArticlePath.slice(0, 40));
  for (const chrome of ['Chuyên mục', 'Trang chủ', 'In bài', 'Xem cỡ chữ', 'Đánh giá bài viết', 'Tương phản cao', 'Sao chép liên kết', 'Tin liên quan']) {
    expect(flat, chrome).not.toContain(chrome);
  }
});
