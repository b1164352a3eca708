import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { signedInContext } from './session';

async function signIn(browser: Browser, email: string, password = 'demo-password') {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('dialog', (d) => d.accept());
  await page.goto('/dang-nhap?callbackUrl=/quan-tri');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === '/quan-tri');
  await expect(page.getByRole('heading', { name: 'Bài viết', level: 1 })).toBeVisible();
  return { context, page };
}

const saveStatus = (page: Page) => page.getByRole('status').filter({ hasText: /lưu/i }).first();

test.describe.configure({ mode: 'serial' });

const title = `Đường giao thông nông thôn mới ở Thanh Sơn về đích sớm ${Date.now() % 100000}`;
let articlePath = '';

test('a wrong password is refused without saying whether the account exists', async ({ page }) => {
  for (const email of ['editor@example.com', 'khong-co-ai@example.com']) {
    await page.goto('/dang-nhap');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Email hoặc mật khẩu không đúng.');
  }
  // Empty fields and a malformed address are named before anything is asked of the server.
  await page.getByLabel('Email').fill('');
  await page.getByLabel('Mật khẩu').fill('');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Hãy nhập email và mật khẩu.');
  await page.getByLabel('Email').fill('editor-example.com');
  await page.getByLabel('Mật khẩu').fill('mot-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Email không hợp lệ (ví dụ: ten@toasoan.vn).');
  // The dashboard itself sends signed-out visitors to the sign-in page.
  await page.goto('/quan-tri');
  await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=/);
});

test('a reporter writes an article with an image and caption and submits it; no publish button', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'reporter@example.com');
  await page.getByRole('link', { name: 'Viết bài mới' }).first().click();
  // A pasted title over the limit is kept whole, with how much to shorten (nothing is cut away).
  const pasted = 'Tiêu đề dán vào quá dài '.repeat(13);
  await page.getByLabel('Tiêu đề', { exact: true }).fill(pasted);
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue(pasted);
  await expect(page.getByText(`Dài quá ${pasted.trim().length - 250} ký tự (tối đa 250): hãy rút gọn để lưu được.`)).toBeVisible();
  await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await expect(page.getByText(`${title.length}/250 ký tự`)).toBeVisible();
  await expect(page.getByLabel('Đường dẫn')).toHaveValue(/^duong-giao-thong-nong-thon-moi-o-thanh-son-ve-dich-som/);
  await page.getByLabel('Sapo').fill('Huyện Thanh Sơn hoàn thành 120 km đường bê tông trước kế hoạch hai tháng.');
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Tin trong tỉnh' });
  await page.getByLabel('Bút danh').fill('Huyền Trang');
  await page.getByRole('textbox', { name: 'Nội dung' }).click();
  await page.keyboard.type('Sáng nay, huyện Thanh Sơn tổ chức lễ khánh thành tuyến đường liên xã.');

  await page.getByRole('button', { name: 'Chèn ảnh' }).click();
  const dialog = page.getByRole('dialog');
  const photo = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#5d8c4a' } }).jpeg().toBuffer();
  await dialog.getByLabel('Chọn ảnh').setInputFiles({ name: 'duong-moi.jpg', mimeType: 'image/jpeg', buffer: photo });
  await dialog.getByLabel('Mô tả ảnh (alt)').fill('Tuyến đường bê tông mới qua xã Tân Lập');
  await dialog.getByRole('button', { name: 'Lưu mô tả và chọn ảnh' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Chú thích ảnh').fill('Tuyến đường mới được khánh thành');

  // A second picture goes after the first (the first, just inserted, is still selected): both stay.
  await page.getByRole('button', { name: 'Chèn ảnh' }).click();
  const second = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#3b6ea5' } }).jpeg().toBuffer();
  await dialog.getByLabel('Chọn ảnh').setInputFiles({ name: 'le-khanh-thanh.jpg', mimeType: 'image/jpeg', buffer: second });
  await dialog.getByLabel('Mô tả ảnh (alt)').fill('Lễ khánh thành tuyến đường');
  await dialog.getByRole('button', { name: 'Lưu mô tả và chọn ảnh' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Chú thích ảnh')).toHaveCount(2);
  await expect(page.getByLabel('Chú thích ảnh').first()).toHaveValue('Tuyến đường mới được khánh thành');

  // Nobody pressed "Lưu nháp": the new article saved itself as a draft; saving it takes it to its own address.
  await expect(saveStatus(page)).toHaveText(/Đã lưu lúc/, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.waitForURL(/\/quan-tri\/bai-viet\/\d+$/);
  await expect(saveStatus(page)).toHaveText(/Đã lưu lúc/);
  await expect(page.getByLabel('Chú thích ảnh').first()).toHaveValue('Tuyến đường mới được khánh thành');
  await expect(page.getByLabel('Bút danh')).toHaveValue('Huyền Trang');
  await expect(page.getByRole('button', { name: 'Xuất bản' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByText('Đã gửi bài cho biên tập viên duyệt.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xuất bản' })).toHaveCount(0);
  await context.close();
});

test('a save that meets no network waits for it, and goes through once it is back', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'reporter@example.com');
  await page.getByRole('link', { name: 'Viết bài mới' }).first().click();
  await page.getByLabel('Tiêu đề', { exact: true }).fill(`Bài viết trên đường đi ${Date.now() % 100000}`);
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Tin trong tỉnh' });
  await expect(saveStatus(page)).toHaveText(/Đã lưu lúc/, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.waitForURL(/\/quan-tri\/bai-viet\/\d+$/);
  await expect(saveStatus(page)).toHaveText(/Đã lưu lúc/);
  await context.setOffline(true);
  await page.getByLabel('Sapo').fill('Viết tiếp khi mất sóng.');
  await expect(saveStatus(page)).toHaveText('Chưa lưu: đang chờ kết nối mạng');
  await context.setOffline(false);
  await expect(saveStatus(page)).toHaveText(/Đã lưu lúc/);
  await page.reload();
  await expect(page.getByLabel('Sapo')).toHaveValue('Viết tiếp khi mất sóng.');
  await context.close();
});

test('an editor edits and publishes; readers see it at once on the home page and in its section', async ({ browser, baseURL }) => {
  const { context, page } = await signIn(browser, 'editor@example.com');
  await page.getByLabel('Tìm kiếm').fill('Thanh Sơn về đích');
  // The filter reaches the address bar after a short pause; clicking before that would race it.
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByRole('table', { name: 'Danh sách bài viết' }).getByRole('link', { name: title, exact: true })).toHaveCount(1);
  await page.getByRole('table', { name: 'Danh sách bài viết' }).getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(/\/quan-tri\/bai-viet\/\d+$/);
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue(title);
  await page.getByLabel('Sapo').fill('Huyện Thanh Sơn hoàn thành 125 km đường bê tông, sớm hai tháng so với kế hoạch.');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(saveStatus(page)).toHaveText(/Đã lưu lúc/);
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(page.getByText('Đã xuất bản bài viết.')).toBeVisible();
  await context.close();

  const reader = await browser.newPage();
  await reader.goto('/');
  const lead = reader.getByRole('link', { name: title }).first();
  await expect(lead).toBeVisible();
  await lead.click();
  await reader.waitForURL(/\/tin-trong-tinh\/[a-z0-9-]+$/);
  articlePath = new URL(reader.url()).pathname;
  expect(articlePath.startsWith('/tin-trong-tinh/')).toBe(true);
  await expect(reader.getByText('Huyện Thanh Sơn hoàn thành 125 km')).toBeVisible();
  await expect(reader.getByRole('img', { name: 'Tuyến đường bê tông mới qua xã Tân Lập' })).toBeVisible();
  await expect(reader.locator('figcaption', { hasText: 'Tuyến đường mới được khánh thành' })).toBeVisible();
  await reader.goto('/tin-trong-tinh');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  await reader.close();

  // The reporter's API answer for publishing stays 403.
  const reporter = await signedInContext(baseURL!, 'reporter@example.com');
  const mine = await (await reporter.get(`/api/articles?q=${encodeURIComponent('Thanh Sơn về đích')}`)).json();
  const id = mine.items[0].id;
  expect((await reporter.post(`/api/articles/${id}/workflow`, { data: { action: 'unpublish' } })).status()).toBe(403);
  await reporter.dispose();
});

test('two editors editing one article: the second save is stopped and loses no text', async ({ browser, baseURL }) => {
  const api = await signedInContext(baseURL!, 'editor@example.com');
  const sections = await (await api.get('/api/sections')).json();
  const created = await (
    await api.post('/api/articles', {
      data: { title: 'Bài hai người cùng sửa', lead: 'Sapo ban đầu.', sectionId: sections[0].id, tags: [], coverMediaId: null, byline: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Đoạn đầu.' }] }] } },
    })
  ).json();
  await api.dispose();

  const A = await signIn(browser, 'editor@example.com');
  const B = await signIn(browser, 'admin@example.com');
  await A.page.goto(`/quan-tri/bai-viet/${created.id}`);
  await B.page.goto(`/quan-tri/bai-viet/${created.id}`);
  await A.page.getByLabel('Sapo').fill('Sapo do biên tập viên A sửa.');
  await A.page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(saveStatus(A.page)).toHaveText(/Đã lưu lúc/);

  const myTitle = 'Tiêu đề do biên tập viên B viết, không được mất';
  await B.page.getByLabel('Tiêu đề', { exact: true }).fill(myTitle);
  await B.page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(B.page.getByRole('heading', { name: 'Có người khác vừa lưu bài viết này' })).toBeVisible();
  await expect(B.page.getByLabel('Tiêu đề', { exact: true })).toHaveValue(myTitle);
  await B.page.getByRole('button', { name: 'Giữ bản của tôi' }).click();
  await expect(B.page.getByText('Đã lưu bản của bạn thành phiên bản mới nhất.')).toBeVisible();

  const check = await signedInContext(baseURL!, 'editor@example.com');
  const saved = await (await check.get(`/api/articles/${created.id}`)).json();
  expect(saved.title).toBe(myTitle);
  const revisions = await (await check.get(`/api/articles/${created.id}/revisions`)).json();
  expect(revisions.length).toBeGreaterThanOrEqual(3);
  await check.dispose();
  await A.context.close();
  await B.context.close();
});

test('a scheduled article goes live on time with nobody acting', async ({ page, baseURL }) => {
  const api = await signedInContext(baseURL!, 'editor@example.com');
  const sections = await (await api.get('/api/sections')).json();
  const scheduledTitle = `Bài hẹn giờ tự lên trang ${Date.now() % 100000}`;
  const created = await (
    await api.post('/api/articles', {
      data: { title: scheduledTitle, lead: 'Lên trang lúc đã hẹn.', sectionId: sections[2].id, tags: [], coverMediaId: null, byline: 'Thu Hà', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung hẹn giờ.' }] }] } },
    })
  ).json();
  const at = new Date(Date.now() + 6_000).toISOString();
  const scheduled = await api.post(`/api/articles/${created.id}/workflow`, { data: { action: 'schedule', publishAt: at } });
  expect(scheduled.status()).toBe(200);
  await api.dispose();

  await page.goto('/');
  await expect(page.getByRole('link', { name: scheduledTitle })).toHaveCount(0);
  // The server checks every 2 s in the test configuration (15 s by default): well within 60 s.
  await expect
    .poll(
      async () => {
        await page.goto(`/${sections[2].slug}`);
        return page.getByRole('link', { name: scheduledTitle }).count();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBeGreaterThan(0);
  expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
});

test('an edit to a published article waits, previewed, until the editor puts it live', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'editor@example.com');
  await page.getByLabel('Tìm kiếm').fill('Thanh Sơn về đích');
  // The filter reaches the address bar after a short pause; clicking before that would race it.
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByRole('table', { name: 'Danh sách bài viết' }).getByRole('link', { name: title, exact: true })).toHaveCount(1);
  await page.getByRole('table', { name: 'Danh sách bài viết' }).getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(/\/quan-tri\/bai-viet\/\d+$/);
  await expect(page.getByText(/Bài đang xuất bản: mọi thay đổi được lưu thành bản sửa chờ đăng/)).toBeVisible();
  const newTitle = `${title} (cập nhật)`;
  await page.getByLabel('Tiêu đề', { exact: true }).fill(newTitle);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText(/Có bản sửa đang chờ đăng/)).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(articlePath);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);

  const preview = await context.newPage();
  await preview.goto(`/xem-truoc/bai-viet/${page.url().split('/').pop()}`);
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(newTitle);
  await expect(preview.getByText(/Bản sửa chờ đăng/)).toBeVisible();

  await page.getByRole('button', { name: 'Đăng bản sửa' }).click();
  await expect(page.getByText('Đã đăng bản sửa: bạn đọc đã thấy nội dung mới.')).toBeVisible();
  await reader.goto(articlePath);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(newTitle);
  await reader.close();
  await context.close();
});
