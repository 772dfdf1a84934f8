/**
 * Reads the NDJSON files of a bulk export into the assembler, one file at a
 * time in the plan's order, while their ranges are parsed ahead (see
 * `NdjsonParser`). Rows are line numbers within a file, counted across its
 * ranges, so reports read the same however the file was split.
 */
import type { FhirCohortAssembler } from './fhir-cohort-assembler.js';
import type { FhirIngestReportBuilder } from './fhir-ingest-report.js';
import { createNdjsonParser, DEFAULT_RANGE_BYTES } from './ndjson-parser.js';
import type { NdjsonParseOptions, NdjsonParser } from './ndjson-parser.js';
import type { NdjsonRange } from './ndjson-range.js';
import { splitNdjsonFile } from './ndjson-range.js';
import type { NdjsonLine } from './parse-ndjson-range.js';

/** See the file comment; `close()` it when done, also on failure. */
export class NdjsonReader {
  private constructor(
    private readonly parser: NdjsonParser,
    /** File path → indexes of its ranges, in order. */
    private readonly rangesOf: ReadonlyMap<string, readonly number[]>,
  ) {}

  /** Splits `filePaths` into ranges and starts parsing them. */
  static async open(
    filePaths: readonly string[],
    options: NdjsonParseOptions = {},
  ): Promise<NdjsonReader> {
    const ranges: NdjsonRange[] = [];
    const rangesOf = new Map<string, number[]>();
    for (const filePath of filePaths) {
      const fileRanges = await splitNdjsonFile(filePath, options.rangeBytes ?? DEFAULT_RANGE_BYTES);
      rangesOf.set(
        filePath,
        fileRanges.map((_, i) => ranges.length + i),
      );
      ranges.push(...fileRanges);
    }
    return new NdjsonReader(createNdjsonParser(ranges, options), rangesOf);
  }

  /** Adds every line of `filePath` (shown as `name`); I/O errors propagate. */
  async readFile(
    filePath: string,
    name: string,
    assembler: FhirCohortAssembler,
    report: FhirIngestReportBuilder,
  ): Promise<void> {
    let row = 0;
    for (const index of this.rangesOf.get(filePath) ?? []) {
      for await (const batch of this.parser.batches(index)) {
        for (const line of batch) {
          row += 1;
          addLine(line, { file: name, row }, assembler, report);
        }
      }
    }
  }

  close(): Promise<void> {
    return this.parser.close();
  }
}

function addLine(
  line: NdjsonLine,
  { file, row }: { file: string; row: number },
  assembler: FhirCohortAssembler,
  report: FhirIngestReportBuilder,
): void {
  if (line.kind === 'blank') return;
  if (line.kind === 'tooLong')
    report.reject({ file, row }, [{ field: '*', reason: 'LINE_TOO_LONG' }]);
  else assembler.addReading(line, file, row);
}
