import { paginate } from '../../lib/collections.ts';
import type { SiteProject } from '../../lib/types.ts';

export const PROJECTS_PER_PAGE = 24;
export const projectPageHref = (n: number) => (n === 1 ? '/projekte/' : `/projekte/seite/${n}/`);
export const projectPages = (projects: SiteProject[]) => paginate(projects, PROJECTS_PER_PAGE);
