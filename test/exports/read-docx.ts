import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { zipEntryText } from './read-back.js';

/** Whether LibreOffice and poppler are here to render documents (the render tests are skipped without them). */
export const CAN_RENDER = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 && spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

/** A .docx read back: its body XML, its section's page settings, the paragraphs' texts, the headers' XML. */
export interface DocxBack {
  xml: string;
  paragraphs: string[];
  styles: string;
  headers: string[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each paragraph (<w:p>) of a part, runs joined. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join('')).filter((t) => t.trim() !== '');
}

export function readDocx(file: string): DocxBack {
  const xml = zipEntryText(file, 'word/document.xml');
  const headers = [1, 2, 3].flatMap((i) => {
    try {
      return [zipEntryText(file, `word/header${i}.xml`)];
    } catch {
      return [];
    }
  });
  return { xml, paragraphs: paragraphsOf(xml), styles: zipEntryText(file, 'word/styles.xml'), headers };
}

/** Renders a .docx with LibreOffice Writer to PDF (a private profile); returns the PDF's path. */
export function renderPdf(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-render-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
  return join(dir, basename(file).replace(/\.docx$/, '.pdf'));
}

export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** The text of one page of a PDF, as pdftotext lays it out. */
export function pdfPageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}
