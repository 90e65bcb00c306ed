import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUploadApp, type UploadApp } from '../../test/upload-app.ts';

let app: FastifyInstance;
let fixture: UploadApp;

beforeAll(async () => {
  fixture = await startUploadApp();
  ({ app } = fixture);
});
afterAll(() => fixture.close());

const upload = (name: string, content: Buffer | string) =>
  fixture.upload<{ id: string; filename: string }>(name, content);

describe('uploaded file names', () => {
  it('drops bidi controls, so "invoice\\u202Efdp.exe" cannot pose as a PDF', async () => {
    const file = await upload('invoice\u202Efdp.exe', 'Some text.');
    expect(file.filename).toBe('invoicefdp.exe');
    const res = await app.inject({ url: `/api/v1/files/${file.id}/download` });
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="invoicefdp.exe"; filename*=UTF-8''invoicefdp.exe`,
    );
  });

  it('cuts a long emoji name between characters and keeps ".pdf"', async () => {
    const file = await upload(`${'😀'.repeat(200)}.pdf`, 'Other text.');
    expect(file.filename.length).toBeLessThanOrEqual(255);
    expect(file.filename.endsWith('😀.pdf')).toBe(true);
    expect(file.filename).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });

  it('serves a name with an apostrophe and parentheses as a valid RFC 5987 filename*', async () => {
    const file = await upload("l'état (v2).txt", 'More text.');
    const res = await app.inject({ url: `/api/v1/files/${file.id}/download` });
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''l%27%C3%A9tat%20%28v2%29\.txt$/);
  });
});
