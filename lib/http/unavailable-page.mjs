// @ts-check
/**
 * The Vietnamese page shown while the database cannot be reached. Plain
 * JavaScript because two sides serve it: the proxy and route handlers
 * (lib/http/unavailable.ts) and the server itself (server.mjs), which puts it
 * in place of an error from a page that could not be rendered during an outage.
 */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;
export const UNAVAILABLE_TITLE = 'Hệ thống đang bảo trì';
export const UNAVAILABLE_MESSAGE = 'Hệ thống đang bảo trì, vui lòng thử lại sau ít phút.';

/** @returns {string} */
export function unavailablePage() {
  return (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<meta name="robots" content="noindex"><title>${UNAVAILABLE_TITLE} – Tin Đất Tổ</title></head>` +
    '<body style="font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1f2937">' +
    `<main><h1 style="color:#9b1c1c">${UNAVAILABLE_TITLE}</h1>` +
    '<p>Tạm thời không truy cập được cơ sở dữ liệu, vui lòng thử lại sau ít phút.</p>' +
    '<p>Các bài viết đã đăng vẫn đọc được bình thường.</p>' +
    '<p><a href="/" style="color:#9b1c1c">Về trang chủ</a></p></main></body></html>'
  );
}
