import { Fragment, type ReactNode } from 'react';
import { languageOfPath } from '../../../domain/languages.ts';
import { languageOfLocation } from '../../i18n/index.ts';
import { safeHref } from './safe-href.ts';

/**
 * A small, safe Markdown renderer for profile summaries: paragraphs, nested bullet and numbered lists,
 * **bold**, *italic*, `code` and [links](https://…). It builds React elements, never HTML strings,
 * so stored text cannot inject markup.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={className}>{renderBlocks(source.replace(/\r\n?/g, '\n').split('\n'))}</div>;
}

type ListLine = { indent: number; ordered: boolean; text: string };

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;

function renderBlocks(lines: string[]): ReactNode[] {
  const out: ReactNode[] = [];
  let para: string[] = [];
  let list: ListLine[] = [];
  const flushPara = () => {
    if (para.length) out.push(<p key={out.length}>{inline(para.join(' '))}</p>);
    para = [];
  };
  const flushList = () => {
    if (list.length) out.push(<Fragment key={out.length}>{renderList(list, 0).node}</Fragment>);
    list = [];
  };
  for (const line of lines) {
    const item = LIST_ITEM.exec(line);
    if (item) {
      flushPara();
      list.push({ indent: item[1]?.length ?? 0, ordered: /\d/.test(item[2] ?? ''), text: item[3] ?? '' });
    } else if (!line.trim()) {
      flushPara();
      flushList();
    } else if (list.length && /^\s+/.test(line)) {
      const last = list[list.length - 1];
      if (last) last.text += ` ${line.trim()}`;
    } else {
      flushList();
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) {
        flushPara();
        out.push(
          <p key={out.length}>
            <strong>{inline(heading[1] ?? '')}</strong>
          </p>,
        );
      } else para.push(line.trim());
    }
  }
  flushPara();
  flushList();
  return out;
}

function renderList(items: ListLine[], start: number): { node: ReactNode; next: number } {
  const first = items[start];
  if (!first) return { node: null, next: start };
  const indent = first.indent;
  const children: ReactNode[] = [];
  let i = start;
  while (i < items.length) {
    const item = items[i];
    if (!item || item.indent < indent) break;
    let nested: ReactNode = null;
    i++;
    const next = items[i];
    if (next && next.indent > indent) {
      const sub = renderList(items, i);
      nested = sub.node;
      i = sub.next;
    }
    children.push(
      <li key={i}>
        {inline(item.text)}
        {nested}
      </li>,
    );
  }
  const List = first.ordered ? 'ol' : 'ul';
  return { node: <List>{children}</List>, next: i };
}

/**
 * A link to a page of the portal opens in the reader's language (`/states/kenya` → `/fr/states/kenya`), as the
 * app's own links do; API paths, links that name a language and other sites are left as written.
 */
function inLanguage(href: string): string {
  const language = languageOfLocation();
  if (!language || !href.startsWith('/') || /^\/api(\/|$)/.test(href) || languageOfPath(href)) return href;
  return `/${language}${href === '/' ? '' : href}`;
}

const INLINE = /(\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    const key = `${i}`;
    if (/^(\*\*|__).+\1$/.test(part)) return <strong key={key}>{part.slice(2, -2)}</strong>;
    if (/^`.+`$/.test(part)) return <code key={key}>{part.slice(1, -1)}</code>;
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      // Only web and root-relative links (safeHref): `javascript:` or `//elsewhere` must never become clickable.
      const href = safeHref(link[2] ?? '');
      if (href)
        return (
          <a key={key} href={inLanguage(href)}>
            {link[1]}
          </a>
        );
      return <Fragment key={key}>{link[1]}</Fragment>;
    }
    if (/^([*_]).+\1$/.test(part)) return <em key={key}>{part.slice(1, -1)}</em>;
    return <Fragment key={key}>{part}</Fragment>;
  });
}
