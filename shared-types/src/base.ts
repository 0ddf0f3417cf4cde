/** Hand-written shapes the generated schemas build on: media files, rich-text blocks, dates, pagination. */
import { z } from 'zod';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
export const IsoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time');

export interface MediaFormat {
  url: string;
  width?: number | null;
  height?: number | null;
  mime?: string | null;
  size?: number | null;
}

export interface Media {
  id: number;
  documentId?: string;
  name: string;
  alternativeText: string | null;
  caption: string | null;
  width: number | null;
  height: number | null;
  formats: Record<string, MediaFormat> | null;
  hash?: string;
  ext: string | null;
  mime: string;
  /** Kilobytes, as Strapi stores it. */
  size: number;
  url: string;
}

export const MediaSchema: z.ZodType<Media> = z
  .object({
    id: z.number().int(),
    documentId: z.string().optional(),
    name: z.string(),
    alternativeText: z.string().nullable(),
    caption: z.string().nullable(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    formats: z
      .record(
        z.string(),
        z
          .object({
            url: z.string(),
            width: z.number().nullable().optional(),
            height: z.number().nullable().optional(),
            mime: z.string().nullable().optional(),
            size: z.number().nullable().optional(),
          })
          .passthrough(),
      )
      .nullable(),
    hash: z.string().optional(),
    ext: z.string().nullable(),
    mime: z.string(),
    size: z.coerce.number(),
    url: z.string(),
  })
  .passthrough();

/** Strapi's "blocks" rich text: a tree of typed nodes; text leaves carry marks. */
export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}
export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}
export interface BlockNode {
  type: 'paragraph' | 'heading' | 'list' | 'list-item' | 'quote' | 'code' | 'image';
  level?: number;
  format?: 'ordered' | 'unordered';
  image?: unknown;
  children: (BlockNode | TextNode | LinkNode)[];
}
export type Blocks = BlockNode[];

const TextNodeSchema: z.ZodType<TextNode> = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});
const LinkNodeSchema: z.ZodType<LinkNode> = z.object({
  type: z.literal('link'),
  url: z.string(),
  children: z.array(TextNodeSchema),
});
export const BlockNodeSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.object({
    type: z.enum(['paragraph', 'heading', 'list', 'list-item', 'quote', 'code', 'image']),
    level: z.number().int().min(1).max(6).optional(),
    format: z.enum(['ordered', 'unordered']).optional(),
    image: z.unknown().optional(),
    children: z.array(z.union([TextNodeSchema, LinkNodeSchema, BlockNodeSchema])),
  }),
);
export const BlocksSchema: z.ZodType<Blocks> = z.array(BlockNodeSchema);
