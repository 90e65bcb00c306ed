import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../test/fixtures/pdf/make-docx.ts';
import { docxBlocks } from './docx.ts';
import { htmlBlocks } from './html.ts';

const texts = (html: string) =>
  htmlBlocks(html).map((b) => (b.isHeading ? `# ${b.text.trim()}` : b.text.trim()));

describe('htmlBlocks', () => {
  it('decodes every named entity, keeping case (É is not é)', () => {
    expect(texts('<p>&Eacute;tat &oslash; &rarr; &hearts; &Alpha;&beta;</p>')).toEqual(['État ø → ♥ Αβ']);
  });

  it('decodes numeric references and leaves an escaped entity as text (decoded once)', () => {
    expect(texts('<p>&#8211; &#x2014; &amp;eacute; &lt;p&gt;</p>')).toEqual(['– — &eacute; <p>']);
  });

  it('does not leak attribute values that contain ">"', () => {
    expect(texts('<p title="a>b">Text</p><img alt="<p>x</p>"><p data-x=\'1>2\'>More</p>')).toEqual([
      'Text',
      'More',
    ]);
  });

  it('drops comments, scripts and styles whatever they contain', () => {
    expect(
      texts(
        '<!-- a > b --><p>x</p><script>if (a < b) document.write("</p><p>no")</script><style>p>q{}</style><p>y</p>',
      ),
    ).toEqual(['x', 'y']);
  });

  it('drops a <title> outside <head> (browsers do not show it in the page)', () => {
    expect(texts('<!doctype html><title>Tab</title><p>Body</p>')).toEqual(['Body']);
  });

  it('drops an unclosed script to the end of the document', () => {
    expect(texts('<p>kept</p><script>var x = 1; <p>not text</p>')).toEqual(['kept']);
  });

  it('keeps the block structure: headings, paragraphs, list items, table cells, <br><br>', () => {
    expect(
      texts(
        '<h2>Title <em>one</em></h2><p>a<br><br>b</p><ul><li>i</li><li>ii</li></ul><table><tr><td>c</td><td>d</td></tr></table><h3>Sub</h3>text',
      ),
    ).toEqual(['# Title one', 'a', 'b', 'i', 'ii', 'c', 'd', '# Sub', 'text']);
  });

  it('treats source new lines as spaces and keeps non-breaking spaces from entities', () => {
    expect(htmlBlocks('<p>one\n  two&nbsp;three</p>').map((b) => b.text.trim())).toEqual([
      'one two\u00a0three',
    ]);
  });
});

describe('docxBlocks', () => {
  it('keeps text that looks like markup or entities exactly as typed in Word', async () => {
    const result = await docxBlocks(
      makeDocx([
        { text: 'État & ø → <p title="a>b">', style: 'Heading1' },
        { text: 'Literal &Eacute; and &amp; stay literal.' },
      ]),
    );
    expect(result.ok && result.blocks.map((b) => [b.text.trim(), b.isHeading])).toEqual([
      ['État & ø → <p title="a>b">', true],
      ['Literal &Eacute; and &amp; stay literal.', false],
    ]);
  });
});
