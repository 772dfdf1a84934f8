/**
 * Which files of a FHIR export to read, and in which order. A bulk export
 * folder has NDJSON files (`Patient.ndjson`, `Observation.000.ndjson`, …)
 * and, when the client kept it, the manifest naming them; a Bundle folder
 * has JSON files. With a manifest, exactly the files it lists are read (and
 * a listed file that is missing is reported, since the download was
 * incomplete); without one, every `.ndjson` and `.json` file is. Patients
 * come first, so observations find their child as they stream past.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CentileError } from '../../../benchmark/errors.js';
import { asArray, asString, isJsonObject } from './json-object.js';

/** One file to read. */
export interface FhirFile {
  readonly path: string;
  /** Base name, as reports show it. */
  readonly name: string;
  /** `ndjson`: one resource per line, streamed. `json`: a Bundle (or one resource), parsed whole. */
  readonly format: 'ndjson' | 'json';
}

/** The files of an export. */
export interface FhirFilePlan {
  /** In reading order: Patient NDJSON, Bundles, other NDJSON. */
  readonly read: readonly FhirFile[];
  /** Base names listed by the manifest but not found. */
  readonly missing: readonly string[];
  /** Base names of files present but not read (export log, other formats, files the manifest omits). */
  readonly ignored: readonly string[];
  /** Base name of the export manifest, when one was found. */
  readonly manifest?: string;
}

/** Bytes peeked to tell a manifest from a Bundle: any Bundle with entries says `resourceType` early. */
const PEEK_BYTES = 64 * 1024;
/** Bulk Data clients write their export log as `log.ndjson`: events, not resources. */
const EXPORT_LOG = 'log.ndjson';
const byName = new Intl.Collator('en', { numeric: true }).compare;

/**
 * The plan for `inputPath`, a folder or a single file (NDJSON, Bundle, or a
 * manifest, which stands for its folder). File system errors (a missing or
 * unreadable path) propagate as they are.
 * @throws CentileError `FHIR_NO_FILES` (a folder without NDJSON or JSON
 *   files), `FHIR_MANIFEST_INVALID` (a manifest without a valid `output`
 *   list, or two manifests in one folder).
 */
export async function findFhirFiles(inputPath: string): Promise<FhirFilePlan> {
  if ((await stat(inputPath)).isDirectory()) return planFolder(inputPath);
  const name = path.basename(inputPath);
  if (name.toLowerCase().endsWith('.ndjson')) {
    return { read: [{ path: inputPath, name, format: 'ndjson' }], missing: [], ignored: [] };
  }
  const manifest = await readManifest(inputPath);
  if (manifest === undefined) {
    return { read: [{ path: inputPath, name, format: 'json' }], missing: [], ignored: [] };
  }
  const folder = path.dirname(inputPath);
  return planFromManifest(folder, name, manifest, await listFiles(folder));
}

async function planFolder(folder: string): Promise<FhirFilePlan> {
  const names = await listFiles(folder);
  const manifests: Array<{ name: string; outputs: Output[] }> = [];
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.json'))) {
    const outputs = await readManifest(path.join(folder, name));
    if (outputs !== undefined) manifests.push({ name, outputs });
  }
  if (manifests.length > 1) throw manifestInvalid('the folder holds more than one export manifest');
  const [manifest] = manifests;
  if (manifest !== undefined) {
    return planFromManifest(folder, manifest.name, manifest.outputs, names);
  }
  const plan = planWithoutManifest(folder, names);
  if (plan.read.length === 0) {
    throw new CentileError(
      'invalid-input',
      'FHIR_NO_FILES',
      'the folder holds no .ndjson or .json files',
    );
  }
  return plan;
}

/** One `output` entry of a manifest: resource type and the file's base name. */
interface Output {
  readonly type: string;
  readonly name: string;
}

function planFromManifest(
  folder: string,
  manifestName: string,
  outputs: Output[],
  names: string[],
): FhirFilePlan {
  const present = new Set(names);
  const listed = new Set(outputs.map((output) => output.name));
  const patientsFirst = [...outputs].sort(
    (a, b) => Number(b.type === 'Patient') - Number(a.type === 'Patient'),
  );
  return {
    read: patientsFirst
      .filter((output) => present.has(output.name))
      .map((output) => ({
        path: path.join(folder, output.name),
        name: output.name,
        format: 'ndjson',
      })),
    missing: outputs.filter((output) => !present.has(output.name)).map((output) => output.name),
    ignored: names.filter((name) => name !== manifestName && !listed.has(name)),
    manifest: manifestName,
  };
}

function planWithoutManifest(folder: string, names: string[]): FhirFilePlan {
  const lower = (name: string): string => name.toLowerCase();
  const isNdjson = (name: string): boolean =>
    lower(name).endsWith('.ndjson') && lower(name) !== EXPORT_LOG;
  const isPatients = (name: string): boolean => isNdjson(name) && name.split('.')[0] === 'Patient';
  const ndjson = (name: string): FhirFile => ({
    path: path.join(folder, name),
    name,
    format: 'ndjson',
  });
  const json = (name: string): FhirFile => ({
    path: path.join(folder, name),
    name,
    format: 'json',
  });
  return {
    read: [
      ...names.filter(isPatients).map(ndjson),
      ...names.filter((name) => lower(name).endsWith('.json')).map(json),
      ...names.filter((name) => isNdjson(name) && !isPatients(name)).map(ndjson),
    ],
    missing: [],
    ignored: names.filter((name) => !isNdjson(name) && !lower(name).endsWith('.json')),
  };
}

/** Regular files of a folder (symbolic links followed), sorted by name with numbers in order. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.isFile()) names.push(entry.name);
    else if (entry.isSymbolicLink() && (await isFile(path.join(folder, entry.name))))
      names.push(entry.name);
  }
  return names.sort(byName);
}

async function isFile(filePath: string): Promise<boolean> {
  return stat(filePath).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

/**
 * The outputs of the manifest in `filePath`, or undefined when the file is
 * not a manifest (it names a `resourceType`, or is not a JSON object with `output`).
 */
async function readManifest(filePath: string): Promise<Output[] | undefined> {
  const head = await peek(filePath);
  if (head.includes('"resourceType"') || !head.includes('"output"')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(filePath, 'utf8'));
  } catch {
    return undefined; // not JSON: reading it as a Bundle reports it
  }
  if (!isJsonObject(parsed) || parsed.resourceType !== undefined || parsed.output === undefined)
    return undefined;
  if (!Array.isArray(parsed.output)) throw manifestInvalid('the manifest output is not a list');
  return asArray(parsed.output).map(toOutput);
}

function toOutput(entry: unknown): Output {
  const type = isJsonObject(entry) ? asString(entry.type) : undefined;
  const url = isJsonObject(entry) ? asString(entry.url) : undefined;
  if (type === undefined || url === undefined)
    throw manifestInvalid('a manifest output lacks its type or url');
  // Servers give absolute URLs; the downloaded file keeps the last path segment.
  const name = path.posix.basename(url.split('?')[0] ?? url);
  return { type, name };
}

async function peek(filePath: string): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

function manifestInvalid(message: string): CentileError {
  return new CentileError('invalid-input', 'FHIR_MANIFEST_INVALID', message);
}
