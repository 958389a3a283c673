import { useEffect, useRef, useState } from 'react';
import { useLang } from '../../i18n';
import { useT } from './texts';

/** The portal's stylesheet: the preview frame uses the same file as the public pages. */
export const portalStylesheet = '/public/site.css';

/** No script runs in the preview (on top of the app's own policy, which the frame inherits). */
const framePolicy = "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'";

/**
 * A release as the public will see it: the portal's article markup around the server-sanitised body, with the
 * portal's stylesheet, in a frame of its own so the SPA's styles and the portal's do not mix. The frame is not
 * `sandbox`ed (accessibility checkers cannot look into a sandbox without scripts); a Content-Security-Policy
 * meta tag forbids every script in it instead, and the body it shows is the server's sanitised HTML.
 */
export function ReleasePreviewFrame({ html }: { html: string }) {
  const t = useT();
  const lang = useLang();
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(420);
  const doc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${framePolicy}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeText(
    t.releases.preview.title,
  )}</title><link rel="stylesheet" href="${portalStylesheet}"></head><body><main class="wrap portal-preview">${html}</main></body></html>`;

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    // The content's own height (the document's scrollHeight never falls below the frame's, so it only grows).
    const fit = () => {
      const content = el.contentDocument?.body?.firstElementChild;
      if (!content) return;
      const next = Math.max(160, Math.min(Math.ceil(content.getBoundingClientRect().bottom) + 24, 6000));
      setHeight((h) => (Math.abs(h - next) > 2 ? next : h));
    };
    el.addEventListener('load', fit);
    const timer = window.setInterval(fit, 800);
    return () => {
      el.removeEventListener('load', fit);
      window.clearInterval(timer);
    };
  }, []);

  return (
    <iframe
      ref={frame}
      title={t.releases.preview.title}
      srcDoc={doc}
      data-testid="release-preview"
      style={{ width: '100%', height, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, background: '#fff' }}
    />
  );
}

function escapeText(s: string) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
