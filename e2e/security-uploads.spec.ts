import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { signedInContext } from './session';

/**
 * Image uploads as an attacker would try them, through POST /api/media as a
 * reporter: files that are not JPEG/PNG/WebP whatever their name says, broken
 * or oversized images, and real images with a script hidden after the image
 * data. A refused file is answered 422 with the reason in Vietnamese and
 * leaves the library as it was; an accepted one is re-encoded, so what is
 * served is only the picture, under an image type the browser may not second-guess.
 */

let reporter: APIRequestContext;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  reporter = await signedInContext(baseURL!, 'reporter@example.com');
});

test.afterAll(async () => {
  await reporter?.dispose();
});

type Upload = { name: string; mimeType: string; buffer: Buffer };

async function mediaTotal(): Promise<number> {
  const response = await reporter.get('/api/media?page=1&pageSize=1');
  expect(response.status()).toBe(200);
  return (await response.json()).total;
}

function upload(file: Upload, alt = 'Ảnh thử tải lên') {
  return reporter.post('/api/media', { multipart: { file, alt } });
}

/** Letters only Vietnamese uses: the message is written for the newsroom, not an English library error. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const SCRIPT_TAIL = '<script>alert(1)</script><?php echo shell_exec($_GET["c"]); ?>';

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 140 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#e4b33a"/></svg>`) }]);

type RefusedCase = { name: string; file: () => Promise<Upload>; message: RegExp };

const refusedCases: RefusedCase[] = [
  {
    name: 'a text file named .jpg',
    file: async () => ({ name: 'anh-su-kien.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Đây là một tệp văn bản, không phải ảnh.\n'.repeat(20)) }),
    message: /^Chỉ nhận ảnh JPEG, PNG hoặc WebP/,
  },
  {
    name: 'an SVG with a script',
    file: async () => ({
      name: 'bieu-do.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(2)</script></svg>'),
    }),
    message: /^Chỉ nhận ảnh JPEG, PNG hoặc WebP/,
  },
  {
    name: 'an SVG with a script, named .png',
    file: async () => ({ name: 'bieu-do.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(3)</script></svg>') }),
    message: /^Chỉ nhận ảnh JPEG, PNG hoặc WebP/,
  },
  {
    name: 'an HTML page named .jpg',
    file: async () => ({ name: 'trang.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<!doctype html><html><body><script>alert(4)</script></body></html>') }),
    message: /^Chỉ nhận ảnh JPEG, PNG hoặc WebP/,
  },
  {
    name: 'a GIF',
    file: async () => ({ name: 'hoat-hinh.gif', mimeType: 'image/gif', buffer: await photo(40, 30).gif().toBuffer() }),
    message: /^Chỉ nhận ảnh JPEG, PNG hoặc WebP/,
  },
  {
    name: 'a file over 10 MB',
    file: async () => {
      const jpeg = await photo(64, 48).jpeg().toBuffer();
      return { name: 'qua-lon.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024 + 1 - jpeg.length, 0x20)]) };
    },
    message: /^Ảnh quá lớn: tối đa 10 MB\.$/,
  },
  {
    name: 'a truncated PNG',
    file: async () => {
      const noisy = await sharp(Buffer.from(Array.from({ length: 200 * 150 * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: 200, height: 150, channels: 3 } }).png().toBuffer();
      return { name: 'bi-cat.png', mimeType: 'image/png', buffer: noisy.subarray(0, Math.floor(noisy.length / 2)) };
    },
    message: /^Không đọc được ảnh: tệp bị hỏng hoặc không đầy đủ\.$/,
  },
  {
    name: 'a zero-byte file',
    file: async () => ({ name: 'rong.png', mimeType: 'image/png', buffer: Buffer.alloc(0) }),
    message: /^Tệp rỗng: hãy chọn một ảnh\.$/,
  },
  {
    name: 'an 8000×6000 PNG (48 megapixels, a decompression bomb)',
    file: async () => ({
      name: 'bom-giai-nen.png',
      mimeType: 'image/png',
      buffer: await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer(),
    }),
    message: /^Ảnh có kích thước điểm ảnh quá lớn \(tối đa 40 megapixel\)\.$/,
  },
];

for (const c of refusedCases) {
  test(`${c.name} is refused with 422, a Vietnamese reason, and nothing stored`, async () => {
    const file = await c.file();
    const before = await mediaTotal();
    const response = await upload(file);
    expect(response.status()).toBe(422);
    const body = await response.json();
    expect(body.fieldErrors?.file, JSON.stringify(body)).toHaveLength(1);
    expect(body.fieldErrors.file[0]).toMatch(c.message);
    expect(body.fieldErrors.file[0]).toMatch(VIETNAMESE);
    expect(await mediaTotal()).toBe(before);
  });
}

/** Fetches a stored image as a browser would, and checks it is served as exactly that image type. */
async function served(url: string, type: string): Promise<Buffer> {
  const response = await reporter.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe(type);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  return response.body();
}

test('a JPEG with a script and PHP appended is stored re-encoded, without them, under an image name', async () => {
  const jpeg = await photo(320, 240).jpeg({ quality: 90 }).toBuffer();
  const polyglot = Buffer.concat([jpeg, Buffer.from(SCRIPT_TAIL)]);
  expect(polyglot.includes('<script>')).toBe(true);
  const before = await mediaTotal();

  const response = await upload({ name: 'shell.php', mimeType: 'application/x-php', buffer: polyglot }, 'Ảnh có mã ẩn');
  expect(response.status()).toBe(201);
  const media = await response.json();
  expect(media).toMatchObject({ width: 320, height: 240 });
  expect(media.url).toMatch(/^\/media\/\d+\/shell\.jpg$/);
  expect(await mediaTotal()).toBe(before + 1);

  const stored = await served(media.url, 'image/jpeg');
  expect(stored.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect(stored.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  for (const hidden of ['<script', 'alert(', '<?php', 'shell_exec']) expect(stored.includes(hidden), `stored bytes contain ${hidden}`).toBe(false);
  expect(stored.equals(polyglot)).toBe(false);
  const decoded = await sharp(stored).metadata();
  expect(decoded).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
});

test('a PNG with an HTML page appended is stored re-encoded, without it, and served as image/png', async () => {
  const png = await photo(200, 100).png().toBuffer();
  const polyglot = Buffer.concat([png, Buffer.from(`<html><body>${SCRIPT_TAIL}</body></html>`)]);
  const before = await mediaTotal();
  const response = await upload({ name: 'trang.html', mimeType: 'text/html', buffer: polyglot });
  expect(response.status()).toBe(201);
  const media = await response.json();
  expect(media.url).toMatch(/^\/media\/\d+\/trang\.png$/);
  expect(await mediaTotal()).toBe(before + 1);
  const stored = await served(media.url, 'image/png');
  for (const hidden of ['<html', '<script', '<?php']) expect(stored.includes(hidden), `stored bytes contain ${hidden}`).toBe(false);
  expect((await sharp(stored).metadata()).format).toBe('png');
});

test('an ordinary photo is accepted, and a wrong file name in its address is not served', async () => {
  const response = await upload({ name: 'Lễ hội Đền Hùng.jpg', mimeType: 'image/jpeg', buffer: await photo(120, 80).jpeg().toBuffer() });
  expect(response.status()).toBe(201);
  const media = await response.json();
  expect(media.url).toMatch(/^\/media\/\d+\/le-hoi-den-hung\.jpg$/);
  await served(media.url, 'image/jpeg');
  const wrongName = await reporter.get(media.url.replace(/le-hoi-den-hung\.jpg$/, 'le-hoi-den-hung.html'));
  expect(wrongName.status()).toBe(404);
});
