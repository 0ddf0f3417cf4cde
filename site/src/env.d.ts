/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the renderer for every page it renders. */
    ikz?: {
      page: import('./model/pages.ts').PageModel;
      /** The public address of the site (canonical links, JSON-LD). */
      siteUrl: string;
      /** Set when an editor previews an entry that is not (or not in this version) published. */
      preview?: { status: 'draft' | 'published'; updatedAt: string };
    };
  }
}
