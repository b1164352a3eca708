import Image from 'next/image';
import type { BlockNode, BodyDocument, InlineNode } from '@/lib/articles/body';
import type { MediaSummary } from '@/lib/media/types';

/**
 * Renders a body document to markup. Only known nodes exist, text is always
 * escaped by React, and links were validated when the document was saved.
 */
export function ArticleBody({ doc, media }: { doc: BodyDocument; media: Record<number, MediaSummary> }) {
  return <div className="article-text space-y-5">{renderBlocks(doc.content, media, 'b')}</div>;
}

function renderBlocks(nodes: BlockNode[], media: Record<number, MediaSummary>, keyPrefix: string): React.ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${keyPrefix}-${index}`;
    switch (node.type) {
      case 'paragraph':
        return <p key={key}>{renderInline(node.content)}</p>;
      case 'heading':
        return node.attrs.level === 2 ? (
          <h2 key={key} className="pt-2 text-[1.15em] font-bold">
            {renderInline(node.content)}
          </h2>
        ) : (
          <h3 key={key} className="pt-1 text-[1.05em] font-bold">
            {renderInline(node.content)}
          </h3>
        );
      case 'blockquote':
        return (
          <blockquote key={key} className="border-l-4 border-brand/60 pl-4 italic text-gray-700">
            {renderBlocks(node.content, media, key)}
          </blockquote>
        );
      case 'bulletList':
      case 'orderedList': {
        const List = node.type === 'bulletList' ? 'ul' : 'ol';
        return (
          <List key={key} className={node.type === 'bulletList' ? 'list-disc space-y-1 pl-6' : 'list-decimal space-y-1 pl-6'}>
            {node.content.map((item, i) => (
              <li key={`${key}-${i}`}>{renderBlocks(item.content, media, `${key}-${i}`)}</li>
            ))}
          </List>
        );
      }
      case 'figure': {
        const image = media[node.attrs.mediaId];
        if (!image) return null;
        return <ArticleFigure key={key} image={image} caption={node.attrs.caption ?? image.caption} />;
      }
    }
  });
}

function renderInline(nodes: InlineNode[] | undefined): React.ReactNode[] {
  return (nodes ?? []).map((node, index) => {
    if (node.type === 'hardBreak') return <br key={index} />;
    let out: React.ReactNode = node.text;
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') out = <strong>{out}</strong>;
      else if (mark.type === 'italic') out = <em>{out}</em>;
      else if (mark.type === 'link') {
        const external = /^https?:\/\//i.test(mark.attrs.href);
        out = (
          <a href={mark.attrs.href} className="text-brand underline" {...(external ? { rel: 'noopener noreferrer nofollow', target: '_blank' } : {})}>
            {out}
          </a>
        );
      }
    }
    return <span key={index}>{out}</span>;
  });
}

export function ArticleFigure({ image, caption, priority = false }: { image: MediaSummary; caption: string | null; priority?: boolean }) {
  return (
    <figure className="my-6">
      <Image
        src={image.url}
        alt={image.alt}
        width={image.width}
        height={image.height}
        sizes="(min-width: 1024px) 720px, 100vw"
        className="h-auto w-full rounded bg-gray-100"
        priority={priority}
      />
      {(caption || image.credit) && (
        <figcaption className="mt-2 text-center text-[0.85em] italic text-muted">
          {caption}
          {image.credit ? <span className="not-italic"> (Ảnh: {image.credit})</span> : null}
        </figcaption>
      )}
    </figure>
  );
}
