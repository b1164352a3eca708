
export function NotFoundContent() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-6xl font-bold text-brand">404</p>
      <h1 className="mt-4 text-2xl font-bold">Không tìm thấy trang</h1>
      <p className="mt-2 text-muted">Trang bạn tìm không tồn tại, đã bị gỡ hoặc đường dẫn chưa đúng.</p>
      <form role="search" action="/tim-kiem" method="get" className="mx-auto mt-6 flex max-w-sm gap-2">
        <label htmlFor="not-found-q" className="sr-only">
          Tìm bài viết
        </label>
        <input id="not-found-q" name="q" type="search" maxLength={200} placeholder="Tìm bài viết…" className="min-w-0 flex-1 rounded border border-gray-300 px-3 py-2" />
        <button type="submit" className="rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-red-50">
          Tìm
        </button>
      </form>
      <p className="mt-6">
        <a href="/" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Về trang chủ
        </a>
      </p>
    </div>
  );
}
