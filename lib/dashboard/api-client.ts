/** The dashboard's fetch: JSON in and out, and an ApiError carrying the server's Vietnamese message and field errors. */
export class ApiError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly fieldErrors: Record<string, string[]> = {},
    public readonly current?: unknown,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    headers: { Accept: 'application/json', ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
    cache: 'no-store',
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    if (response.status === 401 && typeof window !== 'undefined') {
      window.location.href = `/dang-nhap?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`;
    }
    throw new ApiError(data.error ?? 'Đã có lỗi xảy ra. Vui lòng thử lại.', response.status, data.fieldErrors ?? {}, data.current);
  }
  return data as T;
}

/** A path with its query string; empty, null and undefined values are left out. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The message to show for any error a mutation or query may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.';
  return 'Đã có lỗi xảy ra. Vui lòng thử lại.';
}
