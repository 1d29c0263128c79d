/**
 * Index pages list a fixed number of entries per page, so no page grows with
 * the size of the knowledge base.
 */
export const PAGE_SIZE = 50;

export interface PageSlice<T> {
  items: T[];
  page: number;
  pages: number;
}

export function paginate<T>(all: readonly T[], size = PAGE_SIZE): PageSlice<T>[] {
  const pages = Math.max(1, Math.ceil(all.length / size));
  return Array.from({ length: pages }, (_, i) => ({ items: all.slice(i * size, (i + 1) * size), page: i + 1, pages }));
}

/** `/talks/` for page 1, `/talks/page/2/` after. */
export const pagePath = (section: string, page: number) => (page === 1 ? `/${section}/` : `/${section}/page/${page}/`);
