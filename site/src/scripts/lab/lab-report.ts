// The lab's results in numbers and words: a row per network and epoch, and the closing comparison.
import { formatNumber } from '@residual/lessons';
import { element, percent, t, type Kind, type Trainer } from './lab-page.js';

export function addEpochRow(epoch: { kind: Kind; epoch: number; trainLoss: number; trainAccuracy: number; testLoss: number; testAccuracy: number; seconds: number; imagesPerSecond: number }, depth: number): void {
  const row = document.createElement('tr');
  const cells = [
    t(`lab.net.${epoch.kind}`, { depth }),
    String(epoch.epoch),
    epoch.trainLoss.toFixed(3),
    percent(epoch.trainAccuracy),
    epoch.testLoss.toFixed(3),
    percent(epoch.testAccuracy),
    epoch.seconds.toFixed(1),
    epoch.imagesPerSecond.toFixed(1),
  ];
  row.append(...cells.map((text, index) => Object.assign(document.createElement(index === 0 ? 'th' : 'td'), { textContent: text, className: index > 0 ? 'numeric' : '' })));
  row.firstElementChild?.setAttribute('scope', 'row');
  element<HTMLElement>('[data-lab-epochs]').append(row);
}

/** The closing comparison in words: accuracies of the last epoch, the verdict, the time per epoch. */
export function summarize(trainer: Trainer, backend: string): void {
  const box = element<HTMLElement>('[data-lab-summary]');
  const text = element<HTMLElement>('[data-lab-summary-text]');
  const last = (kind: Kind) => trainer.history.filter((epoch) => epoch.kind === kind).at(-1);
  const [residual, plain] = [last('residual'), last('plain')];
  box.hidden = false;
  if (residual === undefined || plain === undefined) {
    text.textContent = t('lab.summary.partial');
    return;
  }
  const { depth } = trainer.config;
  const verdict = residual.trainAccuracy > plain.trainAccuracy + 0.02 ? 'residualAhead' : plain.trainAccuracy > residual.trainAccuracy + 0.02 ? 'plainAhead' : 'close';
  const mean = (kind: Kind, key: 'seconds' | 'imagesPerSecond') => {
    const epochs = trainer.history.filter((epoch) => epoch.kind === kind);
    return epochs.reduce((sum, epoch) => sum + epoch[key], 0) / epochs.length;
  };
  text.textContent = [
    t('lab.summary.result', {
      epochs: residual.epoch,
      images: formatNumber(trainer.train.count),
      depth,
      rTrain: percent(residual.trainAccuracy),
      rTest: percent(residual.testAccuracy),
      pTrain: percent(plain.trainAccuracy),
      pTest: percent(plain.testAccuracy),
    }),
    t(`lab.summary.${verdict}`),
    t('lab.summary.speed', { rSeconds: mean('residual', 'seconds').toFixed(1), pSeconds: mean('plain', 'seconds').toFixed(1), backend, rate: mean('residual', 'imagesPerSecond').toFixed(1) }),
  ].join(' ');
  box.dataset['verdict'] = verdict;
}
