import type { DocumentPage } from '../../operations/get-document-page.ts';

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A BCP 47-looking tag, or null: the value lands in an attribute and must not carry anything else. */
const langTag = (lang: string | null | undefined) =>
  lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : null;

// Small and self-contained (no script, no external sheet): the page must read well with nothing else loaded.
const STYLE = `body{font:1.05rem/1.6 system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;color:#1b1b1b}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
h1{font-size:1.6rem;line-height:1.3}h2{font-size:1.2rem;margin-top:2rem}
.notice{border-left:4px solid #b26b00;padding:.5rem 1rem;background:#fff6e5}
.meta{color:#555}`;

/** The whole document: head, body and the shared frame. */
function frame({
  title,
  lang,
  body,
  head = '',
  noindex = false,
}: {
  title: string;
  lang?: string | null;
  body: string;
  head?: string;
  noindex?: boolean;
}) {
  const langAttr = langTag(lang) ? ` lang="${escapeHtml(langTag(lang)!)}"` : '';
  return `<!doctype html>
<html${langAttr}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${noindex ? '<meta name="robots" content="noindex">\n' : ''}<title>${escapeHtml(title)}</title>
${head}<style>${STYLE}</style>
</head>
<body>
<p><a href="/">Cyber Policy Portal</a></p>
${body}
</body>
</html>
`;
}

/** Where the pages of a document live; `file` is kept in links only when the reader chose one. */
export const textPageUrl = (entityId: string, page: number, fileId?: string) =>
  `/documents/${encodeURIComponent(entityId)}/text?page=${page}${fileId ? `&file=${encodeURIComponent(fileId)}` : ''}`;

/** Links shared by the top and bottom of a page: previous/next, the interactive viewer, the original. */
function navigation(d: DocumentPage, number: number, chosenFile: string | undefined) {
  const id = d.entity.id;
  const items = [
    number > 1
      ? `<li><a rel="prev" href="${escapeHtml(textPageUrl(id, number - 1, chosenFile))}">Previous page</a></li>`
      : '',
    number < d.pageCount
      ? `<li><a rel="next" href="${escapeHtml(textPageUrl(id, number + 1, chosenFile))}">Next page</a></li>`
      : '',
    `<li><a href="/documents/${escapeHtml(encodeURIComponent(id))}?page=${number}">Open in the interactive viewer</a></li>`,
    `<li><a href="/api/v1/files/${escapeHtml(encodeURIComponent(d.file.id))}/download" download>Download the original (${escapeHtml(d.file.filename)})</a></li>`,
  ];
  return `<nav aria-label="Pages"><ul>${items.join('')}</ul></nav>`;
}

/** Why a file has no text to show, in words a reader can act on. */
function statusNotice(d: DocumentPage) {
  const { file } = d;
  if (file.status === 'queued' || file.status === 'processing') {
    const share = file.progress !== null ? ` (${Math.round(file.progress * 100)}% done)` : '';
    return `This document is still being processed${share}. Its text will appear here shortly; reload the page in a minute.`;
  }
  if (file.status === 'needs-ocr')
    return 'This document is a scan without a text layer, so there is no text to show. You can still download the original.';
  return `The text of this document could not be extracted${file.reason ? `: ${file.reason}` : ''}. You can still download the original.`;
}

/** One page of a document as plain HTML: paragraphs with `id="p-<paragraphId>"`, headings as h2. */
export function renderDocumentPage(d: DocumentPage, number: number, chosenFile?: string) {
  const lang = d.file.language ?? d.entity.language;
  const nav = navigation(d, number, chosenFile);
  if (!d.page)
    return frame({
      title: d.entity.title,
      lang,
      noindex: true,
      body: `<header><h1>${escapeHtml(d.entity.title)}</h1></header>
<main><p class="notice" role="status">${escapeHtml(statusNotice(d))}</p></main>
${nav}`,
    });
  const blocks = d.paragraphs
    .map((p) => {
      const tag = p.isHeading ? 'h2' : 'p';
      const pLang = langTag(p.language) && p.language !== lang ? ` lang="${escapeHtml(p.language!)}"` : '';
      return `<${tag} id="p-${escapeHtml(p.id)}"${pLang}>${escapeHtml(p.text)}</${tag}>`;
    })
    .join('\n');
  const link = (rel: string, page: number) =>
    `<link rel="${rel}" href="${escapeHtml(textPageUrl(d.entity.id, page, chosenFile))}">\n`;
  return frame({
    title: `${d.entity.title} — page ${number}`,
    lang,
    head:
      link('canonical', number) +
      (number > 1 ? link('prev', number - 1) : '') +
      (number < d.pageCount ? link('next', number + 1) : ''),
    body: `<header><h1>${escapeHtml(d.entity.title)}</h1>
<p class="meta">Page ${number} of ${d.pageCount}</p>
${nav}</header>
<main>
${blocks || '<p class="meta">This page has no text.</p>'}
</main>
<footer>${nav}</footer>`,
  });
}

/** The page for an unknown document, or one the reader may not see (the same answer, as in the API). */
export const renderNotFound = () =>
  frame({
    title: 'Document not found',
    noindex: true,
    body: `<main><h1>Document not found</h1>
<p>There is no document at this address, or it is not public. <a href="/">Go to the portal’s start page</a>.</p></main>`,
  });

/** The page for a malformed address (a page number that is not one). */
export const renderBadRequest = (message: string) =>
  frame({
    title: 'Bad address',
    noindex: true,
    body: `<main><h1>Bad address</h1><p>${escapeHtml(message)}</p></main>`,
  });
