/** Every TanStack Query key of the dashboard, in one place, so mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['me'] as const,
  articles: {
    all: ['articles'] as const,
    list: (filters: Record<string, unknown>) => ['articles', 'list', filters] as const,
    detail: (id: number) => ['articles', 'detail', id] as const,
    revisions: (id: number) => ['articles', 'revisions', id] as const,
    revision: (id: number, revisionId: number) => ['articles', 'revisions', id, revisionId] as const,
    previewLinks: (id: number) => ['articles', 'preview-links', id] as const,
  },
  media: { all: ['media'] as const, list: (filters: Record<string, unknown>) => ['media', 'list', filters] as const },
  sections: ['sections'] as const,
  tags: ['tags'] as const,
  users: ['users'] as const,
  authors: ['authors'] as const,
  audit: (filters: Record<string, unknown>) => ['audit', filters] as const,
};
