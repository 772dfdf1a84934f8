import path from 'node:path';
import { SIM_SITES } from '../../benchmark/sim/sim-site-spec.js';
import type { SimFormat } from '../write-sim-site.js';

/** Where the demo keeps everything; one folder, recreated on every run. */
export interface DemoLayout {
  readonly dir: string;
  readonly keysDir: string;
  readonly tlsDir: string;
  readonly tokenFile: string;
  readonly coordinatorConfig: string;
  readonly coordinatorStateDir: string;
  /** Where the fitted models are written, one `<name>.onnx` each (see `demoModelFile`). */
  readonly modelsDir: string;
  readonly logsDir: string;
  readonly sites: readonly DemoSite[];
}

export interface DemoSite {
  readonly name: string;
  readonly specKey: keyof typeof SIM_SITES;
  readonly dir: string;
  readonly config: string;
  /** The export format this hospital uses: the demo has one site per format. */
  readonly format: SimFormat;
  /** Where the site's export is written (its data path is decided by the writer). */
  readonly dataDir: string;
  readonly stateDir: string;
}

/** One export format per demo site, so the demo shows every adapter. */
const FORMAT_BY_SITE: Record<keyof typeof SIM_SITES, SimFormat> = {
  urban: 'csv',
  lowland: 'fhir',
  followup: 'omop',
};

/** The model owner who submits the demo's models (keys in the demo's key folder). */
export const DEMO_OWNER = 'demo-lab';

/** The dataset name every demo node serves. */
export const DEMO_DATASET = 'growth';

/** File and folder names of a demo under `dir`. */
export function demoLayout(dir: string): DemoLayout {
  const sites = (Object.keys(SIM_SITES) as (keyof typeof SIM_SITES)[]).map((key): DemoSite => {
    const siteDir = path.join(dir, 'sites', key);
    return {
      name: `site-${key}`,
      specKey: key,
      dir: siteDir,
      config: path.join(siteDir, 'node.json'),
      format: FORMAT_BY_SITE[key],
      dataDir: path.join(siteDir, 'export'),
      stateDir: path.join(siteDir, 'state'),
    };
  });
  return {
    dir,
    keysDir: path.join(dir, 'keys'),
    tlsDir: path.join(dir, 'tls'),
    tokenFile: path.join(dir, 'keys', 'operator.token'),
    coordinatorConfig: path.join(dir, 'coordinator.json'),
    coordinatorStateDir: path.join(dir, 'coordinator-state'),
    modelsDir: path.join(dir, 'models'),
    logsDir: path.join(dir, 'logs'),
    sites,
  };
}

/** The file of the demo model named `name` (e.g. `growth.forecast-baseline`). */
export function demoModelFile(layout: Pick<DemoLayout, 'modelsDir'>, name: string): string {
  return path.join(layout.modelsDir, `${name}.onnx`);
}
