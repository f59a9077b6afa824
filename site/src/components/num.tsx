import { formatNumber } from '@residual/lessons';
import { useRender } from '../lib/render-context.js';

/** `<Num id="bottleneck.params.basic" />`: a number computed by an example's `numbers()`. */
export function Num({ id, digits }: { id: string; digits?: string }) {
  const { data, ui } = useRender();
  const value = data.numbers[id];
  if (value === undefined || typeof value === 'object') throw new Error(`Num: id must name a number, but got "${id}".`);
  const text = typeof value === 'number' ? formatNumber(value, digits === undefined ? undefined : Number(digits)) : value;
  return (
    <span className="num" data-num={id} title={ui.t('num.title', { file: data.numberSources[id] ?? '?' })}>
      {text}
    </span>
  );
}
