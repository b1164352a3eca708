
export function NotFoundContent() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-6xl font-bold text-brand">404</p>
      <h1 className="mt-4 text-2xl font-bold">Không tìm thấy trang</h1>
      <p className="mt-2 text-muted">Trang bạn tìm không tồn tại, đã bị gỡ hoặc đường dẫn chưa đúng.</p>
      <p className="mt-6">
        <a href="/" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Về trang chủ
        </a>
      </p>
    </div>
  );
}
