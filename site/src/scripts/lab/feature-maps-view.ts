// "Look inside": what each stage of both networks makes of a chosen test image.
import { drawImage32 } from './image-input.js';
import { element, kinds, state, t } from './lab-page.js';

/** Turns the look-inside and classify controls on once the networks exist (off before Start). */
export function enableInside(on: boolean): void {
  for (const selector of ['[data-lab-image]', '[data-lab-show]', '[data-lab-another]', '[data-lab-upload]']) element<HTMLInputElement>(selector).disabled = !on;
  element<HTMLElement>('[data-lab-inside-status]').textContent = on ? '' : t('lab.insideIdle');
  element<HTMLElement>('[data-lab-classify-status]').textContent = on ? '' : t('lab.classifyIdle');
}

/** Feature maps of the chosen test image, both networks, each stage. */
export function wireInside(): void {
  const form = element<HTMLFormElement>('[data-lab-inside-form]');
  const index = element<HTMLInputElement>('[data-lab-image]');
  const show = async () => {
    const { runtime, trainer, sample: data } = state;
    if (runtime === undefined || trainer === undefined || data === undefined) return;
    const chosen = Math.min(Math.max(0, Math.floor(Number(index.value) || 0)), data.test.count - 1);
    index.value = String(chosen);
    const rgb = data.test.images.subarray(chosen * 3072, (chosen + 1) * 3072);
    const maps = element<HTMLElement>('[data-lab-maps]');
    const original = Object.assign(document.createElement('canvas'), { width: 32, height: 32, className: 'lab-original' });
    drawImage32(original, rgb);
    const label = data.classNames[data.test.labels[chosen] ?? 0] ?? '';
    const figure = document.createElement('figure');
    figure.className = 'lab-original-figure';
    figure.append(original, Object.assign(document.createElement('figcaption'), { textContent: t('lab.imageCaption', { index: chosen, label: t(`lab.class.${label}`) }) }));
    const rows: HTMLElement[] = [figure];
    const batch = runtime.makeBatch({ images: rgb, labels: new Uint8Array(1), count: 1 }, [0], { imageShape: [32, 32, 3], stats: trainer.stats });
    const x = runtime.tf.tensor4d(batch.pixels, [1, 32, 32, 3]); // [1, 32, 32, 3]
    try {
      for (const kind of kinds) {
        const stages = await runtime.featureMaps(trainer.models[kind].layersModel, x, 8);
        const block = document.createElement('section');
        block.className = 'lab-network-maps';
        block.dataset['kind'] = kind;
        block.append(Object.assign(document.createElement('h3'), { textContent: t(`lab.net.${kind}`, { depth: trainer.config.depth }) }));
        for (const stage of stages) {
          const line = document.createElement('div');
          line.className = 'lab-stage';
          line.append(Object.assign(document.createElement('p'), { textContent: t('lab.stage', { layer: stage.layer, height: stage.height, width: stage.width, channels: stage.channels }) }));
          const strip = document.createElement('div');
          strip.className = 'lab-strip';
          for (const map of stage.maps) {
            const canvas = Object.assign(document.createElement('canvas'), { width: stage.width, height: stage.height });
            const context = canvas.getContext('2d');
            const image = context?.createImageData(stage.width, stage.height);
            if (context !== null && context !== undefined && image !== undefined) {
              map.forEach((value, pixel) => image.data.set([value, value, value, 255], pixel * 4));
              context.putImageData(image, 0, 0);
            }
            strip.append(canvas);
          }
          line.append(strip);
          block.append(line);
        }
        rows.push(block);
      }
    } finally {
      x.dispose();
    }
    maps.replaceChildren(...rows);
    maps.dataset['image'] = String(chosen);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show();
  });
  element<HTMLButtonElement>('[data-lab-another]').addEventListener('click', () => {
    const count = state.sample?.test.count ?? 500;
    index.value = String((Number(index.value) + 37) % count); // a stride through the classes, which the sample interleaves
    void show();
  });
}
