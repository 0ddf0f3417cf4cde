/** Strapi "blocks" rich text built from plain paragraphs (the editor's JSON format). */
export type Block =
  | { type: 'paragraph'; children: { type: 'text'; text: string; bold?: boolean }[] }
  | { type: 'heading'; level: 2 | 3; children: { type: 'text'; text: string }[] }
  | {
      type: 'list';
      format: 'unordered' | 'ordered';
      children: { type: 'list-item'; children: { type: 'text'; text: string }[] }[];
    };

export function paragraphs(...texts: string[]): Block[] {
  return texts
    .filter((t) => t.trim() !== '')
    .map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));
}

export function list(items: string[], format: 'unordered' | 'ordered' = 'unordered'): Block {
  return {
    type: 'list',
    format,
    children: items.map((text) => ({ type: 'list-item', children: [{ type: 'text', text }] })),
  };
}

export function heading(text: string, level: 2 | 3 = 3): Block {
  return { type: 'heading', level, children: [{ type: 'text', text }] };
}
