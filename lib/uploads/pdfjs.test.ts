import { describe, expect, it } from 'vitest';
import { textPdf } from '@/lib/testing/upload-fixtures';
import { openPdf, pageText } from './pdf';
import { importKeepingBuiltIns, loadPdfjs } from './pdfjs';

describe('loading pdf.js', () => {
  it('leaves the process its native JSON and Array.prototype.push, and keeps what pdf.js added', async () => {
    const native = { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push, toString: Function.prototype.toString };
    const pdf = await textPdf('A report page.');
    // Reading a document starts pdf.js's worker (in this thread on Node): its module must not replace them either.
    const opened = await openPdf(pdf);
    expect(await pageText(opened.pages[0])).toContain('A report page.');
    await opened.close();
    const pdfjs = await loadPdfjs();
    expect(typeof pdfjs.getDocument).toBe('function');
    expect(JSON.stringify).toBe(native.stringify);
    expect(JSON.parse).toBe(native.parse);
    expect(Array.prototype.push).toBe(native.push);
    expect(Function.prototype.toString).toBe(native.toString);
    // pdf.js uses these on Node 20 (its polyfills add them): they stay.
    expect('withResolvers' in Promise).toBe(true);
    expect(await loadPdfjs()).toBe(pdfjs);
  });

  it('puts back a replaced member of a built-in and keeps an added one', async () => {
    const native = JSON.stringify;
    await importKeepingBuiltIns(async () => {
      JSON.stringify = () => 'replaced';
      Object.defineProperty(Map.prototype, 'addedByTest', { value: 1, configurable: true, writable: true });
    });
    try {
      expect(JSON.stringify).toBe(native);
      expect(Object.getOwnPropertyDescriptor(Map.prototype, 'addedByTest')?.value).toBe(1);
    } finally {
      Reflect.deleteProperty(Map.prototype, 'addedByTest');
    }
  });
});
