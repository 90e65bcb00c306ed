import type { FileReasonCode, FileReasonNote } from './schemas/file-reason.ts';

/** What `detectKind` says an unsupported upload is, by the key the catalogues word it with. */
const WHAT: Record<string, string> = {
  'an empty file': 'empty',
  'a ZIP archive that is not a Word (.docx) document': 'zip',
  'an RTF document': 'rtf',
  'an old Office (.doc/.xls/.ppt) file': 'oldOffice',
  'a PNG image': 'png',
  'a JPEG image': 'jpeg',
  'a binary file of an unsupported type (or text in an encoding other than UTF-8/UTF-16)': 'binary',
  'a file of an unsupported type': 'unknown',
};

/** "120 s" / "500 ms" (the ingest's own limits) as whole seconds. */
const secondsOf = (s: string) => (s.endsWith(' ms') ? Number.parseInt(s, 10) / 1000 : Number.parseInt(s, 10));
/** "12 KB" / "3.5 MB" / "800 bytes" (extract-document's sizes, in 1024s) as bytes. */
const bytesOf = (s: string) =>
  Math.round(Number.parseFloat(s) * (s.endsWith(' MB') ? 1024 * 1024 : s.endsWith(' KB') ? 1024 : 1));
const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exact = (code: FileReasonCode, sentence: string): Sentence => [
  code,
  new RegExp(`^${literally(sentence)}`),
];
const PAGES = '[\\d, …]+';

type Sentence = [FileReasonCode, RegExp, ((m: RegExpExecArray) => FileReasonNote['params'] | null)?];

/**
 * Each sentence the ingest writes into a file's `reason`, as it writes it (src/ingest: detect-kind,
 * extract-document, assemble, docx, zip-limits, pdf/load, pdf/extract-pdf, ocr, jobs). The ingest keeps its
 * English; the store reads the codes off it where the reason is stored, so the pipeline carries one string.
 * src/ingest/reason-codes.test.ts feeds the producers' own texts through these, so a reworded producer fails
 * a test instead of falling back to English unnoticed.
 */
const SENTENCES: Sentence[] = [
  [
    'tooLarge',
    /^The file is (\d+ bytes|\d+ KB|[\d.]+ MB), over the (\d+ bytes|\d+ KB|[\d.]+ MB) limit: split it or compress its images, then upload it again\./,
    (m) => ({ size: bytesOf(m[1]!), max: bytesOf(m[2]!) }),
  ],
  exact('empty', 'The file is empty (0 bytes): upload it again.'),
  ['unprocessable', /^The file could not be processed \(([\s\S]*)\)\.$/, (m) => ({ detail: m[1]! })],
  [
    'unsupportedKind',
    /^This is (.+?)\. Supported are PDF, Word \(\.docx\), HTML and plain text \(UTF-8 or UTF-16 with a byte-order mark\): convert it to one of these\./,
    (m) => (WHAT[m[1]!] ? { what: WHAT[m[1]!]! } : null),
  ],
  exact('noText', 'The file contains no text.'),
  [
    'docxTooBig',
    /^The Word document unpacks to more than (\d+) MB of text and markup \((?:\d+ MB|more)\), far more than any real document: it may be a "zip bomb"\. Save it again from Word or LibreOffice\./,
    (m) => ({ max: Number(m[1]) }),
  ],
  [
    'docxUnreadable',
    /^The Word document could not be read \(([\s\S]*?)\): it may be damaged or not a real \.docx; open it in Word or LibreOffice and save it again\./,
    (m) => ({ detail: m[1]! }),
  ],
  [
    'tooManyParagraphs',
    /^The file has (\d+) paragraphs, over the limit of ([\d,]+) per file: split it into several files and upload them separately\./,
    (m) => ({ count: Number(m[1]), max: Number(m[2]!.replace(/,/g, '')) }),
  ],
  exact(
    'diskFull',
    'The disk was full, so the extracted text could not be saved. Free some space, then run `cyberportal reindex` or upload the file again.',
  ),
  exact('originalMissing', 'The stored original is missing from the data directory; upload the file again.'),
  exact('pdfPassword', 'The PDF is password-protected: upload an unprotected copy.'),
  exact(
    'pdfTruncated',
    'The PDF is incomplete (it stops before its end, so the upload or download was probably cut off): upload the complete file.',
  ),
  exact(
    'pdfDamaged',
    'The PDF is damaged and cannot be read: open it in a PDF reader and save or print it again as PDF, then upload that copy.',
  ),
  exact('pdfNoPages', 'The PDF has no pages.'),
  exact(
    'pdfNoTextLayer',
    'The PDF has no text layer (it looks like scanned images): it can be viewed, but its text cannot be searched until it is run through OCR.',
  ),
  exact('pdfBlank', 'The PDF has no text: its pages are blank or hold only drawings.'),
  [
    'pagesUnreadable',
    new RegExp(
      `^Pages? (${PAGES}) could not be read \\(the file is damaged\\); the other pages were extracted\\.`,
    ),
    (m) => ({ pages: m[1]! }),
  ],
  [
    'picturePages',
    new RegExp(`^Some pages are pictures without text \\(pages? (${PAGES})\\): they are read by OCR\\.`),
    (m) => ({ pages: m[1]! }),
  ],
  [
    'pictureAreas',
    new RegExp(
      `^Some pages with text also show pictures \\(pages? (${PAGES})\\): their words are read by OCR\\.`,
    ),
    (m) => ({ pages: m[1]! }),
  ],
  [
    'ocrText',
    new RegExp(
      `^Text recognised by OCR \\(tesseract, language ([^)]+)\\)(?: on pages? (${PAGES}))?; it may contain recognition errors\\.`,
    ),
    (m) => ({ language: m[1]!, ...(m[2] ? { pages: m[2] } : {}) }),
  ],
  ['ocrEmptyPages', new RegExp(`^No text was found on pages? (${PAGES})\\.`), (m) => ({ pages: m[1]! })],
  [
    'tooSlow',
    /^The file took too long to process \(over (\d+ m?s) of processing\): it may be damaged or built to be expensive to read; split it, or save it again from its source application\./,
    (m) => ({ seconds: secondsOf(m[1]!) }),
  ],
  [
    'stalled',
    /^The file took too long to process \(no progress in (\d+ m?s)\): it may be damaged or built to be expensive to read; split it, or save it again from its source application\./,
    (m) => ({ seconds: secondsOf(m[1]!) }),
  ],
  [
    'tooMuchMemory',
    /^The file needs more memory to process than the (\d+) MB allowed \(it may hold a compressed stream that inflates to gigabytes\); split it or save it again\./,
    (m) => ({ max: Number(m[1]) }),
  ],
  [
    'ocrPageTooSlow',
    /^OCR took too long on one page \((?:over (\d+ m?s) of processing\): the page may be damaged or huge; split the file or scan it again\.|\S+, over (\d+) s of processing\)\.)/,
    (m) => ({ seconds: m[1] ? secondsOf(m[1]) : Number(m[2]) }),
  ],
  [
    'ocrPageStalled',
    /^(?:OCR took too long on one page \(no progress in (\d+ m?s)\): the page may be damaged or huge; split the file or scan it again\.|OCR stopped responding on one page \(\S+, no result after (\d+) s\)\.)/,
    (m) => ({ seconds: m[1] ? secondsOf(m[1]) : Number(m[2]) }),
  ],
  [
    'ocrMissingTool',
    /^OCR needs `([^`]+)`, which is not installed on the server: install poppler-utils and tesseract-ocr with its language data \(scripts\/ensure-system-deps\.js\), then run `cyberportal ocr FILE_ID`\./,
    (m) => ({ tool: m[1]! }),
  ],
  ['ocrToolFailed', /^(\S+) failed: ([\s\S]*)$/, (m) => ({ tool: m[1]!, detail: m[2]! })],
];

/**
 * The codes of a file's English reason, sentence by sentence; empty when any part of it is not one of the
 * ingest's known sentences (a client then shows the English whole rather than half of it translated).
 */
export function fileReasonNotes(reason: string | null): FileReasonNote[] {
  if (!reason) return [];
  const notes: FileReasonNote[] = [];
  let rest = reason.trim();
  while (rest) {
    let matched = false;
    for (const [code, re, paramsOf] of SENTENCES) {
      const m = re.exec(rest);
      if (!m) continue;
      const params = paramsOf ? paramsOf(m) : {};
      if (!params) return [];
      notes.push({ code, params });
      rest = rest.slice(m[0].length).trim();
      matched = true;
      break;
    }
    if (!matched) return [];
  }
  return notes;
}
