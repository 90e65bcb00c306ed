/** Types of pdfjs-import.mjs (plain JS: the extraction worker imports it before tsx is registered). */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export function patchedWorkerSource(source: string): string | null;
export const textContentSendsFonts: boolean;
export function importPdfJs(): Promise<PdfJs>;
