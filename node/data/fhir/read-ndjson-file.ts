/**
 * Streams one NDJSON file of a bulk export, one resource per line, into the
 * assembler. Never parses the file as a whole: exports run to gigabytes, and
 * one line at a time keeps memory flat. A line that is not JSON is rejected
 * on its own; the lines around it are still read.
 */
import { createReadStream } from 'node:fs';
import { readLines } from '../read-lines.js';
import type { FhirCohortAssembler } from './fhir-cohort-assembler.js';
import type { FhirIngestReportBuilder } from './fhir-ingest-report.js';

/** Longest line read; longer ones (huge attachments, broken line ends) are rejected unread. */
export const MAX_NDJSON_LINE_CHARS = 16 * 1024 * 1024;

const CHUNK_BYTES = 256 * 1024;
const BOM = 0xfeff;

/** Reads `filePath` (shown as `name`) line by line; I/O errors propagate. */
export async function readNdjsonFile(
  filePath: string,
  name: string,
  assembler: FhirCohortAssembler,
  report: FhirIngestReportBuilder,
): Promise<void> {
  const stream = createReadStream(filePath, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    let row = 0;
    for await (const line of readLines(stream, MAX_NDJSON_LINE_CHARS)) {
      row += 1;
      if (line.tooLong) {
        report.reject({ file: name, row }, [{ field: '*', reason: 'LINE_TOO_LONG' }]);
        continue;
      }
      const text = row === 1 && line.text.charCodeAt(0) === BOM ? line.text.slice(1) : line.text;
      if (isBlank(text)) continue;
      assembler.addResource(parseLine(text), name, row);
    }
  } finally {
    stream.destroy();
  }
}

/** The parsed line, or undefined when it is not JSON (the assembler rejects it as malformed). */
function parseLine(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Blank lines (e.g. a trailing one) hold no resource; checked without trimming a copy. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
