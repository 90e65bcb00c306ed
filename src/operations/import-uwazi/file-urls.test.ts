import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileIdOfPath } from '../../domain/schemas/entity.ts';
import { fileUrlRewriter, planFileIds, uwaziFileName } from './file-urls.ts';
import { idOf, readBsonFile } from './read-dump.ts';

const fixture = [
  process.env.CYBERPORTAL_UWAZI_FIXTURE,
  resolve('../shared/corpus/uwazi-fixture'),
  resolve('../../shared/corpus/uwazi-fixture'),
].find((d): d is string => Boolean(d && existsSync(d)));

describe('addresses of Uwazi uploaded files', () => {
  it('finds the file name in the forms Uwazi writes, and nothing in other addresses', () => {
    expect(uwaziFileName('/api/files/1611659090476x.jpg')).toBe('1611659090476x.jpg');
    expect(uwaziFileName('/api/files/a%20b.pdf?download=true')).toBe('a b.pdf');
    expect(uwaziFileName('https://uwazi.example.org/api/files/x.mp4')).toBe('x.mp4');
    expect(uwaziFileName('/uploaded_documents/x.jpg')).toBe('x.jpg');
    expect(uwaziFileName('/api/attachments/download?_id=abc&file=x.pdf')).toBe('x.pdf');
    expect(uwaziFileName('https://www.youtube.com/watch?v=abc')).toBeNull();
    expect(uwaziFileName('/api/files/')).toBeNull();
    expect(uwaziFileName('mailto:someone@example.org')).toBeNull();
  });

  // The fixture's files (../shared/corpus, written by others): its attachment and a thumbnail are present in
  // uploaded_documents; a folder without them leaves their values as they were, with the reason.
  describe.skipIf(!fixture)('on the fixture files', () => {
    it('points values at our copy of a present file and reports the ones it cannot rewrite', async () => {
      const files = await readBsonFile(`${fixture}/dump/files.bson`);
      const attachment = files.find((f) => f.type === 'attachment')!;
      let n = 0;
      const ids = planFileIds({
        files,
        filesDir: `${fixture}/uploaded_documents`,
        mapped: new Map([[idOf(attachment._id), 'EARLIER1']]),
        newId: () => `NEW${++n}`,
      });
      expect(ids.size).toBe(files.length);
      expect(ids.get(idOf(attachment._id))).toBe('EARLIER1');
      const rewrite = fileUrlRewriter(files, ids);
      const url = rewrite(`/api/files/${String(attachment.filename)}`).url;
      expect(url).toBe('/api/v1/files/EARLIER1/download');
      expect(fileIdOfPath(url)).toBe('EARLIER1');
      expect(rewrite('https://vimeo.com/1')).toEqual({ url: 'https://vimeo.com/1' });
      expect(rewrite('/api/files/not-in-dump.jpg').loss).toMatch(/not in the dump's files/);
      expect(rewrite('https://elsewhere.org/api/files/not-in-dump.jpg')).toEqual({
        url: 'https://elsewhere.org/api/files/not-in-dump.jpg',
      });

      const none = planFileIds({ files, filesDir: null, mapped: undefined, newId: () => 'X' });
      expect(none.size).toBe(0);
      const thumb = files.find((f) => f.type === 'thumbnail')!;
      expect(fileUrlRewriter(files, none)(`/uploaded_documents/${String(thumb.filename)}`)).toEqual({
        url: `/uploaded_documents/${String(thumb.filename)}`,
        loss: expect.stringMatching(/not imported \(missing from the files folder\)/),
      });
    });
  });
});
