// What every part of the lab page shares: its root element, UI strings, state and helpers.
import { formatMessage } from '@residual/lessons';
import type { BackendChoice } from '@residual/core/engine';
import type { LineChartHandle } from '../line-chart.js';
import type { Sample } from './lab-data.js';

export type Runtime = typeof import('./lab-runtime.js');
export type Kind = 'residual' | 'plain';
export type Trainer = InstanceType<Runtime['LabTrainer']>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export const kinds: readonly Kind[] = ['residual', 'plain'];
/** Residual blue, plain red, as in the recorded runs' charts. */
export const colors: Record<Kind, string> = { residual: '#2563eb', plain: '#dc2626' };

export const root = document.querySelector<HTMLElement>('[data-lab]');
const ui = JSON.parse(document.getElementById('residual-ui')?.textContent ?? '{}') as Record<string, string>;
/** A UI string (`lab.*`, `live.*`, `backend.*`) in the page's language, placeholders filled. */
export const t: Translate = (key, params) => formatMessage(ui[key] ?? key, params);
export const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** An element of the lab page; its absence is a bug of the page, said with the selector. */
export function element<Type extends HTMLElement>(selector: string): Type {
  const found = root?.querySelector<Type>(selector);
  if (found === null || found === undefined) throw new Error(`lab page: ${selector} must exist, but it is missing. Check pages/[locale]/lab.astro.`);
  return found;
}

/** Everything the page holds while it lives: TF.js and the lab code once loaded, the data, the trainer, the charts. */
export const state: { runtime?: Runtime; sample?: Sample; trainer?: Trainer; choice?: BackendChoice; charts: Partial<Record<string, LineChartHandle>> } = { charts: {} };
