import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a navigation inside the SPA (not the first load), moves keyboard and screen-reader focus to the new
 * page's first heading inside `#main`, as a full page load would put the reader at the top: without it, focus
 * stays on the link that was clicked, or falls to <body> when that link is gone. Pages that load their data
 * first show the heading a moment later, so it looks again on the next frames (up to ~1.5 s), and gives up
 * quietly if the user has moved focus themselves in the meantime. A change of only the query string or hash
 * (tabs, filters, paging) keeps focus where it is.
 */
export function useFocusOnNavigate(mainId = 'main') {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const startedWith = document.activeElement;
    let frame = 0;
    let tries = 0;
    const look = () => {
      // The user has already gone somewhere else (typed into a field, tabbed on): leave them there.
      if (document.activeElement !== startedWith && document.activeElement !== document.body) return;
      const main = document.getElementById(mainId);
      const heading = main?.querySelector<HTMLElement>('h1, h2');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: false });
        return;
      }
      if (++tries < 90) frame = requestAnimationFrame(look);
      else main?.focus();
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [pathname, mainId]);
}
