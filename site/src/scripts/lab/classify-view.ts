// "Classify your own image": a picked or dropped picture, shrunk to 32 × 32, and each network's top 3.
import { imageFileTo32 } from './image-input.js';
import { element, kinds, percent, state, t } from './lab-page.js';

/** "Classify your own image": pick or drop a picture, both networks give their top 3. */
export function wireClassify(): void {
  const input = element<HTMLInputElement>('[data-lab-upload]');
  const drop = element<HTMLElement>('[data-lab-drop]');
  const preview = element<HTMLCanvasElement>('[data-lab-preview]');
  const status = element<HTMLElement>('[data-lab-classify-status]');
  const guesses = element<HTMLElement>('[data-lab-guesses]');
  const classifyFile = async (file: File) => {
    const { runtime, trainer, sample: data } = state;
    if (runtime === undefined || trainer === undefined || data === undefined) {
      status.textContent = t('lab.classifyIdle');
      return;
    }
    guesses.dataset['state'] = 'running';
    try {
      const rgb = await imageFileTo32(file, preview);
      preview.hidden = false;
      const lists: HTMLElement[] = [];
      for (const kind of kinds) {
        const [top = []] = await runtime.classify(trainer.models[kind].layersModel, rgb, { imageShape: [32, 32, 3], stats: trainer.stats, classNames: data.classNames, top: 3 });
        const block = document.createElement('div');
        block.className = 'lab-guess';
        block.dataset['kind'] = kind;
        const list = document.createElement('ol');
        list.append(...top.map((guess) => Object.assign(document.createElement('li'), { textContent: t('lab.guess', { label: t(`lab.class.${guess.className}`), score: percent(guess.score) }) })));
        block.append(Object.assign(document.createElement('p'), { textContent: t('lab.guesses', { network: t(`lab.net.${kind}`, { depth: trainer.config.depth }) }) }), list);
        lists.push(block);
      }
      guesses.replaceChildren(...lists);
      status.textContent = '';
      guesses.dataset['state'] = 'done';
    } catch (error) {
      status.textContent = t('lab.badImage', { message: error instanceof Error ? error.message : String(error) });
      guesses.dataset['state'] = 'error';
    }
  };
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) void classifyFile(file);
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('lab-drop-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('lab-drop-over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('lab-drop-over');
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) void classifyFile(file);
  });
}
