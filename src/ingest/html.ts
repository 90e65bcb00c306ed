/**
 * HTML → readable text blocks, with htmlparser2 (a maintained, spec-following tokenizer: attributes that
 * contain ">", every named entity, unclosed raw-text elements): non-content elements are dropped, block-level
 * tags end a block, h1–h6 are headings, list items and table cells are their own blocks, two <br> in a row
 * end a paragraph.
 */
import { Parser } from 'htmlparser2';
import type { TextBlock } from './types.ts';

/** Elements whose whole content is dropped: code, styling, metadata and site navigation. */
const DROP = new Set(
  'script style noscript template head title nav svg math iframe object select button'.split(' '),
);

const BLOCK_TAGS = new Set(
  'address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const HEADING = /^h[1-6]$/;
/** HTML's own white space; a non-breaking space (from &nbsp; or typed) is text and stays. */
const HTML_SPACE = /[ \t\n\f\r]+/g;

export function htmlBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  let headingDepth = 0;
  let bufferIsHeading = false;
  let dropDepth = 0;
  const flush = () => {
    // "<br><br>" separates paragraphs in much hand-written HTML; a single <br> is only a line break.
    for (const part of buffer.split(/\n[ \t\u00a0]*\n/)) {
      if (part.trim()) blocks.push({ text: part, isHeading: bufferIsHeading });
    }
    buffer = '';
    bufferIsHeading = headingDepth > 0;
  };
  const tag = (name: string, opening: boolean) => {
    if (DROP.has(name)) {
      dropDepth = Math.max(0, dropDepth + (opening ? 1 : -1));
      return;
    }
    if (dropDepth > 0) return;
    if (name === 'br') {
      if (opening) buffer += '\n';
      return;
    }
    if (!BLOCK_TAGS.has(name)) return;
    flush();
    if (HEADING.test(name)) {
      headingDepth = Math.max(0, headingDepth + (opening ? 1 : -1));
      bufferIsHeading = headingDepth > 0;
    }
  };
  const parser = new Parser(
    {
      onopentagname: (name) => tag(name, true),
      onclosetag: (name) => tag(name, false),
      ontext: (text) => {
        // Source new lines are ordinary white space in HTML; only <br> makes a "\n" in the buffer.
        if (dropDepth === 0) buffer += text.replace(HTML_SPACE, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  flush();
  return blocks;
}
