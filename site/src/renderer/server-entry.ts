import { createApp } from 'astro/app/entrypoint';

/** Renders a page: `app.render(new Request(url), { locals: { ikz } })`. */
export const app = createApp({ streaming: false });
