import { type ChildProcess, spawn } from 'node:child_process';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A `cyberportal` command running as its own process, with what it printed and how it ended. */
export type CliRun = {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
};

/** Starts `node bin/cyberportal.js --data DIR ...args` (the real CLI, as an operator runs it). */
export function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, ['bin/cyberportal.js', '--data', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CYBERPORTAL_LOG_LEVEL: 'silent', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Polls `check` every 20 ms until it is true; fails with `what` after `ms`. */
export async function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A text PDF of `pages` pages: slow enough to extract that another process can act meanwhile. */
export async function manyPagePdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Section ${i}. States should cooperate on the security of ICTs, page ${i}.`, {
      x: 72,
      y: 700,
      size: 11,
      font,
    });
  }
  return pdf.save();
}
