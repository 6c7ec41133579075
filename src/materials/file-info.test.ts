import { describe, expect, it } from 'vitest';
import { fileIcon, fileTypeLabel, formatFileSize } from './file-info.js';

describe('file info', () => {
  it('names file types from the media type, else the extension', () => {
    expect(fileTypeLabel('application/pdf', 'x.bin')).toBe('PDF');
    expect(fileTypeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx')).toBe('Word');
    expect(fileTypeLabel('application/octet-stream', 'Program.key')).toBe('KEY');
    expect(fileTypeLabel('application/octet-stream', 'uden-endelse')).toBe('Fil');
    expect(fileIcon('application/pdf')).toBe('file-pdf');
    expect(fileIcon('application/vnd.ms-excel')).toBe('file-excel');
    expect(fileIcon('application/zip')).toBe('file');
  });

  it('shows sizes the Danish and the English way', () => {
    expect(formatFileSize(1, 'da')).toBe('1 byte');
    expect(formatFileSize(512, 'da')).toBe('512 bytes');
    expect(formatFileSize(34_567, 'da')).toBe('35 kB');
    expect(formatFileSize(999_999, 'da')).toBe('1 MB');
    expect(formatFileSize(1_234_567, 'da')).toBe('1,2 MB');
    expect(formatFileSize(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatFileSize(2_500_000_000, 'en')).toBe('2.5 GB');
  });
});
