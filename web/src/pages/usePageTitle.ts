import { useEffect } from 'react';

/** Sets the document title, so each page is announced and found in history by its name. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Patuh`;
  }, [title]);
}
