/**
 * Renders Strapi "blocks" rich text to HTML. Safe by construction: every text is escaped, links keep only
 * http(s) and mailto targets, unknown node types render their text only. Headings start at `baseLevel`
 * so that they fit below the page's own headings.
 */
import type { BlockNode, Blocks, LinkNode, TextNode } from '@ikz/shared-types';
import { escapeHtml, isExternal, safeHref } from '@ikz/shared-types/html';

function renderText(node: TextNode): string {
  let html = escapeHtml(node.text).replace(/\n/g, '<br>');
  if (node.code) html = `<code>${html}</code>`;
  if (node.bold) html = `<strong>${html}</strong>`;
  if (node.italic) html = `<em>${html}</em>`;
  if (node.underline) html = `<span class="u">${html}</span>`;
  if (node.strikethrough) html = `<s>${html}</s>`;
  return html;
}

function renderInline(children: (BlockNode | TextNode | LinkNode)[], baseLevel: number): string {
  return children
    .map((child) => {
      if (child.type === 'text') return renderText(child);
      if (child.type === 'link') {
        const inner = child.children.map(renderText).join('');
        const href = safeHref(child.url);
        if (!href) return inner;
        const external = isExternal(href);
        return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener"' : ''}>${inner}</a>`;
      }
      return renderNode(child, baseLevel);
    })
    .join('');
}

function renderNode(node: BlockNode, baseLevel: number): string {
  const inner = renderInline(node.children, baseLevel);
  switch (node.type) {
    case 'paragraph':
      return inner.trim() ? `<p>${inner}</p>` : '';
    case 'heading': {
      const level = Math.min(6, baseLevel + Math.max(0, (node.level ?? 1) - 1));
      return `<h${level}>${inner}</h${level}>`;
    }
    case 'list': {
      const tag = node.format === 'ordered' ? 'ol' : 'ul';
      return `<${tag}>${inner}</${tag}>`;
    }
    case 'list-item':
      return `<li>${inner}</li>`;
    case 'quote':
      return `<blockquote><p>${inner}</p></blockquote>`;
    case 'code':
      return `<pre><code>${inner}</code></pre>`;
    default:
      return inner ? `<p>${inner}</p>` : '';
  }
}

export function renderBlocks(blocks: Blocks | null | undefined, baseLevel = 3): string {
  if (!blocks?.length) return '';
  return blocks.map((b) => renderNode(b, baseLevel)).join('\n');
}

/** Plain text of blocks, for summaries, feeds and search. */
export function blocksToText(blocks: Blocks | null | undefined): string {
  const walk = (nodes: (BlockNode | TextNode | LinkNode)[]): string =>
    nodes.map((n) => ('text' in n && n.type === 'text' ? n.text : 'children' in n ? walk(n.children) : '')).join(' ');
  return (blocks ?? [])
    .map((b) => walk(b.children))
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
