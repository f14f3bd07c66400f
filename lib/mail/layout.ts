/** Minimal, readable HTML mail: one column, escaped text, one call-to-action button. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderMail(opts: { heading: string; paragraphs: string[]; action?: { label: string; url: string } }): {
  html: string;
  text: string;
} {
  const paras = opts.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
  const button = opts.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(opts.action.url)}" style="background:#0f5c5a;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${escapeHtml(opts.action.label)}</a></p>`
    : '';
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px">${escapeHtml(opts.heading)}</h1>${paras}${button}<p style="color:#52606d;font-size:13px">Triage &amp; Consult — rehab team for strength athletes. This service is not for emergencies: if you are seriously unwell, call your local emergency number.</p></body></html>`;
  const text = [opts.heading, '', ...opts.paragraphs.flatMap((p) => [p, '']), ...(opts.action ? [`${opts.action.label}: ${opts.action.url}`, ''] : []), '—', 'Triage & Consult. Not for emergencies: if you are seriously unwell, call your local emergency number.'].join('\n');
  return { html, text };
}
