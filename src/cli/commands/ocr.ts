import type { Command } from 'commander';
import { NotFound, ValidationFailed } from '../../operations/errors.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { rerunOcr } from '../../operations/rerun-ocr.ts';
import {
  CliError,
  configFrom,
  drainIngestQueue,
  type GlobalOptions,
  UsageError,
  withStore,
} from '../context.ts';
import { progressBar } from '../progress.ts';

/** `cyberportal ocr FILE_ID --language fra`: read a scanned PDF again with OCR in another language. */
export function registerOcr(program: Command): void {
  program
    .command('ocr')
    .description('read a scanned PDF again with OCR in another language, and wait for it')
    .argument('<fileId>')
    .requiredOption('--language <lang>', 'eng, fra, spa, rus, ara, chi_sim (or en, fr, es, ru, ar, zh)')
    .option('--json', 'print the file record as JSON', false)
    .action(async (fileId: string, opts: { language: string; json: boolean }, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        try {
          await rerunOcr({ store, actor: OPERATOR, fileId, language: opts.language });
        } catch (err) {
          if (err instanceof ValidationFailed)
            throw new UsageError(err.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
          if (err instanceof NotFound) throw new CliError(`No file with id "${fileId}"`);
          throw err;
        }
        const bar = opts.json ? null : progressBar('OCR');
        await drainIngestQueue(
          store,
          config,
          (e) => {
            if (e.type === 'progress' && e.fileId === fileId) bar?.update(Math.round(e.progress * 100), 100);
          },
          [fileId],
        );
        bar?.stop();
        const file = await store.files.findById(fileId);
        if (!file) throw new CliError(`No file with id "${fileId}"`);
        if (opts.json) console.log(JSON.stringify(file, null, 2));
        else
          console.log(
            `${file.filename}: ${file.status}${file.reason ? ` — ${file.reason}` : ''}; ${file.paragraphCount ?? 0} paragraph(s)`,
          );
        if (file.status === 'failed') process.exitCode = 1;
      });
    });
}
