import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown.tsx';
import { safeHref } from './safe-href.ts';

describe('safeHref', () => {
  it.each(['https://example.org/a?b=c#d', 'HTTP://example.org/', '/documents/abc?page=2', '/'])(
    'lets %s through',
    (href) => {
      expect(safeHref(href)).toBe(href);
    },
  );

  it.each([
    ['protocol-relative', '//evil.example/p'],
    ['backslashes', '\\\\evil.example/p'],
    ['slash-backslash', '/\\evil.example'],
    ['tab inside', '/\t/evil.example'],
    ['newline inside', '/\n/evil.example'],
    ['leading space', ' https://example.org'],
    ['leading control', '\u0001//evil.example'],
    ['zero-width space', '/\u200B/evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript in capitals', 'JaVaScRiPt:alert(1)'],
    ['javascript with entities', 'javascript&colon;alert(1)'],
    ['javascript with entity-encoded letters', '&#106;avascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['http without host', 'http:evil.example'],
    ['https with a single slash', 'https:/evil.example'],
    ['mailto', 'mailto:a@b.c'],
    ['a plain relative path', 'evil.example/p'],
  ])('refuses %s', (_, href) => {
    expect(safeHref(href)).toBeNull();
  });
});

describe('Markdown links', () => {
  const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

  it('renders web and root-relative links', () => {
    expect(html('[a](https://example.org/x) and [b](/documents/1)')).toContain(
      '<a href="https://example.org/x">a</a> and <a href="/documents/1">b</a>',
    );
  });

  it.each(['[x](//evil.example/p)', '[x](/\\evil.example)', '[x](\\\\evil)', '[x](JAVASCRIPT:alert(1))'])(
    'renders %s as plain text',
    (source) => {
      const out = html(source);
      expect(out).not.toContain('<a');
      expect(out).toContain('x');
    },
  );
});
